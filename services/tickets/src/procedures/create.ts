import type { Listing, ListingFields } from "@tx/api-contracts";
import { type AuthedContext, outbox } from "@tx/service-kit";
import { ticketCreated } from "../domain/events";
import { assertPriceWithinCap, fieldsToDocument, toListing } from "../domain/listing";
import { env } from "../env";
import { TicketModel } from "../models/ticket";

export async function createListing(ctx: AuthedContext, input: ListingFields): Promise<Listing> {
  assertPriceWithinCap(input, env.PRICE_CAP_RATIO);
  const ticket = new TicketModel({
    ...fieldsToDocument(input),
    sellerId: ctx.user.id,
    sellerName: ctx.user.name,
    status: "available",
    version: 0,
  });
  await outbox.save(ticket, [ticketCreated(ticket)]);
  ctx.log.info({ ticketId: ticket.id }, "listing created");
  return toListing(ticket.toObject());
}
