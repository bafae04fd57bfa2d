import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { markRefunded } from "../../domain/transitions";
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
  if (await markRefunded(order, reason)) {
    log.info({ orderId: order._id.toString(), reason }, "order refunded");
  }
}

export const paymentRefundedConsumer: ConsumerOptions<"payment.refunded"> = {
  subject: "payment.refunded",
  handle: onPaymentRefunded,
};
