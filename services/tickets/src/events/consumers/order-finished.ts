import type { Envelope, OrderStatus } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import type { DeliverySettings } from "../../domain/delivery";
import { endHold, saleOf } from "../../domain/listing-hold";
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
  // Held by this order: release or sell. Completed, but released meanwhile by the reconciler
  // (its order.completed was late): it is this order's, as no other order could hold it.
  const held = ticket?.orderId === order.id && ticket.status === "reserved";
  const releasedEarly =
    !cancelled && ticket?.status === "available" && !ticket.orderId && !ticket.deletedAt;
  if (ticket && (held || releasedEarly)) {
    const status = cancelled ? ("available" as const) : ("sold" as const);
    // A sale starts its delivery in the same write: files ready, or a transfer requested.
    const sale = !cancelled && settings ? saleOf(ticket, known, settings) : null;
    if (!cancelled && !sale)
      log.error({ orderId: order.id }, "sold to an order with no known buyer");
    if (!(await endHold(ticket, order.id, status, sale)))
      throw new RetryLater("listing changed meanwhile");
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
