import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { markRefunded, refundedFrom } from "../../domain/transitions";
import { orderForEvent } from "../order-for-event";

/**
 * The money went back to the buyer: a late payment's order (cancelled) or a sale whose
 * transfer never came (complete, reason delivery_failed) ends refunded.
 */
export async function onPaymentRefunded(event: Envelope<"payment.refunded">, log: Logger) {
  const { reason } = event.data;
  const order = await orderForEvent(event.data.orderId);
  if (order.status === "refunded") return;
  if (order.status === "awaiting_payment") throw new RetryLater("refund before the cancellation");
  const orderId = order._id.toString();
  if (await markRefunded(order, reason)) {
    log.info({ orderId, reason }, "order refunded");
  } else if (order.status === refundedFrom(reason)) {
    // Another write to the order came between the read and the update: read it again.
    throw new RetryLater("order changed while refunding");
  } else {
    // Money went back for a state it does not fit (a sale refunded as a late payment):
    // the order keeps what orders decided, and the disagreement is loud.
    log.error({ orderId, status: order.status, reason }, "refund does not match the order");
  }
}

export const paymentRefundedConsumer: ConsumerOptions<"payment.refunded"> = {
  subject: "payment.refunded",
  handle: onPaymentRefunded,
};
