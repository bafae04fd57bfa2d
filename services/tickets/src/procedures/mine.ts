import type { Listing } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { toListing } from "../domain/listing";
import { type Ticket, TicketModel } from "../models/ticket";

/** The seller's listings in every status, newest first. */
export async function myListings(ctx: AuthedContext): Promise<Listing[]> {
  const docs = await TicketModel.find({ sellerId: ctx.user.id, deletedAt: null })
    .sort({ createdAt: -1, _id: -1 })
    .limit(200)
    .select({ outbox: 0, searchTerms: 0 })
    .lean();
  return docs.map((t) => toListing(t as Ticket));
}
