import type { Listing, ListingFields } from "@tx/api-contracts";
import { type AuthedContext, DomainError, outbox } from "@tx/service-kit";
import { ticketUpdated } from "../domain/events";
import {
  assertEditable,
  assertOwner,
  assertPriceWithinCap,
  fieldsToDocument,
  termsChanged,
  toListing,
} from "../domain/listing";
import { env } from "../env";
import { deliveryForListing, filesDropped } from "../files/attach";
import { markAttached, releaseFiles } from "../files/store";
import { TicketModel } from "../models/ticket";

export async function updateListing(
  ctx: AuthedContext,
  input: { id: string; changes: ListingFields },
): Promise<Listing> {
  const ticket = await TicketModel.findOne({ _id: input.id, deletedAt: null }).lean();
  if (!ticket) throw new DomainError("NOT_FOUND", "This listing does not exist.");
  assertOwner(ticket, ctx.user.id);
  assertEditable(ticket);
  assertPriceWithinCap(input.changes, env.PRICE_CAP_RATIO);

  const delivery = await deliveryForListing(ctx.user.id, input.changes, input.id);
  const changes = fieldsToDocument(input.changes);
  const next = { ...ticket, ...changes, version: ticket.version + 1 };
  // An order made before this version saw other terms: tickets will not reserve it.
  const terms = termsChanged(ticket, changes) ? { termsVersion: next.version } : {};
  // Conditional on the version read: a purchase that reserved it meanwhile wins.
  const updated = await outbox.update(
    TicketModel,
    { _id: ticket._id, version: ticket.version, status: "available", deletedAt: null },
    { $set: { ...changes, ...terms, delivery }, $inc: { version: 1 } },
    [ticketUpdated(next, next.version, ticket.pricePerTicket)],
  );
  if (!updated) {
    const now = await TicketModel.findById(ticket._id).lean();
    if (now) assertEditable(now);
    throw new DomainError(
      "CONFLICT",
      "This listing changed while you were editing it. Reload and try again.",
    );
  }
  await markAttached(
    delivery.files.map((f) => f._id),
    input.id,
  );
  await releaseFiles(filesDropped(ticket.delivery?.files, delivery.files));
  return toListing(updated);
}
