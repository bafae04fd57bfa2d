import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { cancelOrder, completeOrder, markRefunded } from "../../domain/transitions";
import { OrderModel } from "../../models/order";

async function findOrder(orderId: string) {
  const order = await OrderModel.findById(orderId).lean();
  // Our own order must exist: its event cannot arrive before we wrote it, so retry.
  if (!order) throw new RetryLater(`order ${orderId} not found`);
  return order;
}

/** The hold ended: cancel, unless the buyer already paid (a paid order is never cancelled). */
export async function onExpirationCompleted(event: Envelope<"expiration.completed">, log: Logger) {
  const order = await findOrder(event.data.orderId);
  if (order.status !== "awaiting_payment") return;
  const cancelled = await cancelOrder(order, "expired");
  if (!cancelled) throw new RetryLater("order changed while expiring");
  log.info({ orderId: order._id.toString() }, "order expired");
}

/**
 * The money landed. In time: the order completes. Too late (already cancelled): the order
 * stays cancelled and the payments service refunds; payment.refunded then marks it.
 */
export async function onPaymentSucceeded(event: Envelope<"payment.succeeded">, log: Logger) {
  const order = await findOrder(event.data.orderId);
  if (order.status !== "awaiting_payment") {
    log.info(
      { orderId: order._id.toString(), status: order.status },
      "payment for a finished order",
    );
    return;
  }
  // Made from a listing version tickets has not reserved yet: wait for its yes (or its no,
  // which cancels the order, after which the payment is refunded).
  if (order.listingVersion !== undefined && !order.reservedAt) {
    throw new RetryLater("the listing is not reserved for this order yet");
  }
  const completed = await completeOrder(order);
  if (!completed) throw new RetryLater("order changed while completing");
  log.info({ orderId: order._id.toString() }, "order complete");
}

export async function onPaymentRefunded(event: Envelope<"payment.refunded">, log: Logger) {
  const order = await findOrder(event.data.orderId);
  if (order.status === "refunded") return;
  if (order.status === "awaiting_payment") throw new RetryLater("refund before the cancellation");
  if (order.status === "cancelled" && (await markRefunded(order))) {
    log.info({ orderId: order._id.toString() }, "order refunded");
  }
}

export const expirationCompletedConsumer: ConsumerOptions<"expiration.completed"> = {
  subject: "expiration.completed",
  handle: onExpirationCompleted,
};
export const paymentSucceededConsumer: ConsumerOptions<"payment.succeeded"> = {
  subject: "payment.succeeded",
  handle: onPaymentSucceeded,
  // Waiting for the reservation may outlast the default: longer than any hold, so the
  // hold's end (cancel, refund) settles it first if tickets stays silent.
  maxRetryLater: 2_000,
};
export const paymentRefundedConsumer: ConsumerOptions<"payment.refunded"> = {
  subject: "payment.refunded",
  handle: onPaymentRefunded,
};
