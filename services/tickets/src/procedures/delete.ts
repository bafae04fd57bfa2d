import type { ListingIdInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError, outbox } from "@tx/service-kit";
import { ticketDeleted } from "../domain/events";
import { assertEditable, assertOwner } from "../domain/listing";
import { releaseFiles } from "../files/store";
import { TicketModel } from "../models/ticket";

export async function deleteListing(
  ctx: AuthedContext,
  input: ListingIdInput,
): Promise<{ id: string }> {
  const ticket = await TicketModel.findOne({ _id: input.id, deletedAt: null }).lean();
  if (!ticket) throw new DomainError("NOT_FOUND", "This listing does not exist.");
  assertOwner(ticket, ctx.user.id);
  assertEditable(ticket);
  const deleted = await outbox.update(
    TicketModel,
    { _id: ticket._id, version: ticket.version, status: "available", deletedAt: null },
    { $set: { deletedAt: new Date() }, $inc: { version: 1 } },
    [ticketDeleted(ticket, ticket.version + 1)],
  );
  if (!deleted) {
    const now = await TicketModel.findById(ticket._id).lean();
    if (now) assertEditable(now);
    throw new DomainError("CONFLICT", "This listing changed meanwhile. Reload and try again.");
  }
  // Nobody can buy it now, so nobody will ever download its files.
  await releaseFiles((ticket.delivery?.files ?? []).map((f) => f._id));
  ctx.log.info({ ticketId: input.id }, "listing deleted");
  return { id: input.id };
}
