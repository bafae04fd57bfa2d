import { outbox } from "@tx/service-kit";
import { type Ticket, TicketModel } from "../models/ticket";
import { ticketUpdated } from "./events";

/**
 * Ends a listing's hold by an order: `available` releases it, `sold` gives it to that
 * order. Conditional on the version the caller read, so a concurrent change (another
 * replica, a redelivered event) makes this a no-op that returns null. The change and its
 * ticket.updated are one write.
 */
export async function endHold(
  ticket: Ticket,
  orderId: string,
  status: "available" | "sold",
): Promise<Ticket | null> {
  const released = status === "available";
  const next = {
    ...ticket,
    status,
    orderId: released ? undefined : orderId,
    version: ticket.version + 1,
  };
  return outbox.update(
    TicketModel,
    {
      _id: ticket._id,
      version: ticket.version,
      ...(ticket.orderId ? { orderId: ticket.orderId } : { orderId: { $exists: false } }),
    },
    released
      ? { $set: { status }, $unset: { orderId: 1 }, $inc: { version: 1 } }
      : { $set: { status, orderId }, $inc: { version: 1 } },
    [ticketUpdated(next, next.version)],
  );
}
