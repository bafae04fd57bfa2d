import type { Envelope, OrderStatus } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, outbox, RetryLater } from "@tx/service-kit";
import { type DeliverySettings, saleDelivery } from "../../domain/delivery";
import { ticketUpdated } from "../../domain/events";
import { OrderReplicaModel } from "../../models/order-replica";
import { TicketModel } from "../../models/ticket";

type Finished = Envelope<"order.cancelled"> | Envelope<"order.completed">;

/**
 * An order ended: cancelled releases the listing, completed marks it sold. Applied only
 * after the order's previous version; a redelivery is a no-op.
 */
async function onOrderFinished(
  event: Finished,
  log: Logger,
  settings?: DeliverySettings,
): Promise<void> {
  const order = event.data;
  const known = await OrderReplicaModel.findById(order.id).lean();
  if (!known || known.version < order.version - 1)
    throw new RetryLater("earlier order event pending");
  if (known.version >= order.version) return;

  const cancelled = event.type === "order.cancelled";
  const ticket = await TicketModel.findById(order.ticket.id).lean();
  if (ticket && ticket.orderId === order.id && ticket.status === "reserved") {
    const status = cancelled ? ("available" as const) : ("sold" as const);
    const next = {
      ...ticket,
      status,
      orderId: cancelled ? undefined : order.id,
      version: ticket.version + 1,
    };
    // A sale starts its delivery in the same write: files ready, or a transfer requested.
    const sale =
      !cancelled && known.buyerId && settings
        ? saleDelivery(ticket, { id: order.id, buyerId: known.buyerId }, new Date(), settings)
        : null;
    if (!cancelled && !sale)
      log.error({ orderId: order.id }, "sold to an order with no known buyer");
    const changed = await outbox.update(
      TicketModel,
      { _id: ticket._id, version: ticket.version, orderId: order.id },
      cancelled
        ? { $set: { status }, $unset: { orderId: 1 }, $inc: { version: 1 } }
        : { $set: { status, ...sale?.set }, $inc: { version: 1 } },
      [ticketUpdated(next, next.version), ...(sale ? [sale.event] : [])],
    );
    if (!changed) throw new RetryLater("listing changed meanwhile");
    log.info({ orderId: order.id, ticketId: order.ticket.id, status }, "listing updated for order");
  }
  const status: OrderStatus = cancelled ? "cancelled" : "complete";
  await OrderReplicaModel.updateOne(
    { _id: order.id, version: order.version - 1 },
    { $set: { version: order.version, status } },
  );
}

export const orderCancelledConsumer: ConsumerOptions<"order.cancelled"> = {
  subject: "order.cancelled",
  handle: onOrderFinished,
};

/** Completion sells the listing and starts its delivery, due by the settings' deadline. */
export const orderCompletedConsumer = (
  settings: DeliverySettings,
): ConsumerOptions<"order.completed"> => ({
  subject: "order.completed",
  handle: (event, log) => onOrderFinished(event, log, settings),
});
