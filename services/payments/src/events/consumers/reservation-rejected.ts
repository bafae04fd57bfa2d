import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { refundPayment } from "../../domain/refunds";
import { OrderReplicaModel } from "../../models/order-replica";

/**
 * tickets would not reserve the listing for this order (deleted, or changed after the
 * buyer saw it). From now on the order cannot be paid for; if its money already came in,
 * it goes back at once. The order.cancelled that follows from orders changes nothing more.
 */
export async function onReservationRejected(
  event: Envelope<"ticket.reservation_rejected">,
  log: Logger,
): Promise<void> {
  const { orderId } = event.data;
  const marked = await OrderReplicaModel.updateOne(
    { _id: orderId },
    { $set: { reservationRejected: true } },
  );
  if (marked.matchedCount === 0) throw new RetryLater(`order ${orderId} not replicated yet`);
  // Also on a repeat: a crash may have come between marking and refunding.
  await refundPayment(orderId, "listing_changed", log);
}

export const reservationRejectedConsumer: ConsumerOptions<"ticket.reservation_rejected"> = {
  subject: "ticket.reservation_rejected",
  handle: onReservationRejected,
};
