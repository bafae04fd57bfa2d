import { outbox } from "@tx/service-kit";
import type { OrderReplica } from "../models/order-replica";
import { type Ticket, TicketModel } from "../models/ticket";
import { type DeliverySettings, saleDelivery } from "./delivery";
import { ticketUpdated } from "./events";

type Sale = ReturnType<typeof saleDelivery>;

/**
 * Ends a listing's hold by an order: `available` releases it, `sold` gives it to that
 * order and, with `sale`, starts its delivery in the same write. Conditional on the version
 * the caller read, so a concurrent change (another replica, a redelivered event) makes this
 * a no-op that returns null. The change and its events are one write.
 */
export async function endHold(
  ticket: Ticket,
  orderId: string,
  status: "available" | "sold",
  sale?: Sale | null,
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
      : { $set: { status, orderId, ...sale?.set }, $inc: { version: 1 } },
    [ticketUpdated(next, next.version), ...(sale ? [sale.event] : [])],
  );
}

/**
 * The delivery a sale to `order` starts (files ready, or a transfer requested), or null
 * when the buyer is not known (a replica written before buyers were kept).
 */
export function saleOf(
  ticket: Ticket,
  order: Pick<OrderReplica, "_id" | "buyerId">,
  settings: DeliverySettings,
): Sale | null {
  return order.buyerId
    ? saleDelivery(ticket, { id: order._id, buyerId: order.buyerId }, new Date(), settings)
    : null;
}
