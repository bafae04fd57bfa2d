import type { Listing, ListingFields } from "@tx/api-contracts";
import { type AuthedContext, outbox } from "@tx/service-kit";
import mongoose from "mongoose";
import { ticketCreated } from "../domain/events";
import { assertPriceWithinCap, fieldsToDocument, toListing } from "../domain/listing";
import { env } from "../env";
import { deliveryForListing } from "../files/attach";
import { markAttached } from "../files/store";
import { TicketModel } from "../models/ticket";

export async function createListing(ctx: AuthedContext, input: ListingFields): Promise<Listing> {
  assertPriceWithinCap(input, env.PRICE_CAP_RATIO);
  const _id = new mongoose.Types.ObjectId();
  const delivery = await deliveryForListing(ctx.user.id, input, _id.toString());
  const ticket = new TicketModel({
    _id,
    ...fieldsToDocument(input),
    delivery,
    sellerId: ctx.user.id,
    sellerName: ctx.user.name,
    status: "available",
    version: 0,
  });
  await outbox.save(ticket, [ticketCreated(ticket)]);
  await markAttached(
    delivery.files.map((f) => f._id),
    ticket.id,
  );
  ctx.log.info({ ticketId: ticket.id, delivery: delivery.method }, "listing created");
  return toListing(ticket.toObject());
}
