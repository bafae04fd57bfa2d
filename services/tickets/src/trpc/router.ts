import {
  CreateListingInput,
  Delivery,
  DeliveryOrderInput,
  Listing,
  ListingIdInput,
  ListingPage,
  ListListingsInput,
  LiveListingsInput,
  LiveUpdate,
  MyListing,
  ReportProblemInput,
  ReportTransferInput,
  SavedSearch,
  SavedSearchIdInput,
  SaveSearchInput,
  UnsubscribeInput,
  UpdateListingInput,
} from "@tx/api-contracts";
import {
  authedProcedure,
  operatorRouter,
  publicProcedure,
  router,
  systemRouter,
  trackedStream,
} from "@tx/service-kit";
import { z } from "zod";
import pkg from "../../package.json" with { type: "json" };
import { createListing } from "../procedures/create";
import { deleteListing } from "../procedures/delete";
import { confirmDelivery } from "../procedures/delivery/confirm";
import { deliveryForOrder } from "../procedures/delivery/for-order";
import { deliveryOfListing } from "../procedures/delivery/of-listing";
import { reportProblem } from "../procedures/delivery/report-problem";
import { reportTransfer } from "../procedures/delivery/report-transfer";
import { getListing } from "../procedures/get";
import { listListings } from "../procedures/list";
import { liveListings } from "../procedures/live";
import { myListings } from "../procedures/mine";
import {
  deleteSavedSearch,
  listSavedSearches,
  saveSearch,
  unsubscribe,
} from "../procedures/saved-searches";
import { updateListing } from "../procedures/update";

export const ticketsRouter = router({
  system: systemRouter("tickets", pkg.version),
  operator: operatorRouter("tickets"),
  list: publicProcedure
    .input(ListListingsInput)
    .output(ListingPage)
    .query(({ input }) => listListings(input)),
  get: publicProcedure
    .input(ListingIdInput)
    .output(Listing)
    .query(({ input }) => getListing(input)),
  /** Issue 23: an open page's listings as they change (server-sent events). */
  live: publicProcedure
    .input(LiveListingsInput)
    .output(trackedStream(LiveUpdate))
    .subscription(({ input, signal, ctx }) => liveListings(input, signal, ctx.log)),
  mine: authedProcedure.output(z.array(MyListing)).query(({ ctx }) => myListings(ctx)),
  create: authedProcedure
    .input(CreateListingInput)
    .output(Listing)
    .mutation(({ ctx, input }) => createListing(ctx, input)),
  update: authedProcedure
    .input(UpdateListingInput)
    .output(Listing)
    .mutation(({ ctx, input }) => updateListing(ctx, input)),
  delete: authedProcedure
    .input(ListingIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteListing(ctx, input)),
  /** Issue 23: a buyer's saved searches, and the unsubscribe link of their emails. */
  savedSearches: router({
    save: authedProcedure
      .input(SaveSearchInput)
      .output(SavedSearch)
      .mutation(({ ctx, input }) => saveSearch(ctx, input)),
    list: authedProcedure.output(z.array(SavedSearch)).query(({ ctx }) => listSavedSearches(ctx)),
    delete: authedProcedure
      .input(SavedSearchIdInput)
      .output(z.object({ id: z.string() }))
      .mutation(({ ctx, input }) => deleteSavedSearch(ctx, input)),
    // Public: the link's signature is the authority (the email's reader may not be signed in).
    unsubscribe: publicProcedure
      .input(UnsubscribeInput)
      .output(z.object({ name: z.string() }))
      .mutation(({ ctx, input }) => unsubscribe(input, ctx.log)),
  }),
  /** Issue 21: how the tickets reach the buyer (files go through routes/, not tRPC). */
  delivery: router({
    forOrder: authedProcedure
      .input(DeliveryOrderInput)
      .output(Delivery.nullable())
      .query(({ ctx, input }) => deliveryForOrder(ctx, input)),
    ofListing: authedProcedure
      .input(ListingIdInput)
      .output(MyListing)
      .query(({ ctx, input }) => deliveryOfListing(ctx, input)),
    reportTransfer: authedProcedure
      .input(ReportTransferInput)
      .output(Delivery)
      .mutation(({ ctx, input }) => reportTransfer(ctx, input)),
    confirm: authedProcedure
      .input(DeliveryOrderInput)
      .output(Delivery)
      .mutation(({ ctx, input }) => confirmDelivery(ctx, input)),
    reportProblem: authedProcedure
      .input(ReportProblemInput)
      .output(Delivery)
      .mutation(({ ctx, input }) => reportProblem(ctx, input)),
  }),
});

export type TicketsRouter = typeof ticketsRouter;
