import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { markRefunded } from "../../domain/transitions";
import { orderForEvent } from "../order-for-event";

/** A late payment went back to the buyer: the cancelled order ends refunded. */
export async function onPaymentRefunded(event: Envelope<"payment.refunded">, log: Logger) {
  const order = await orderForEvent(event.data.orderId);
  if (order.status === "refunded") return;
  if (order.status === "awaiting_payment") throw new RetryLater("refund before the cancellation");
  if (order.status === "cancelled" && (await markRefunded(order))) {
    log.info({ orderId: order._id.toString() }, "order refunded");
  }
}

export const paymentRefundedConsumer: ConsumerOptions<"payment.refunded"> = {
  subject: "payment.refunded",
  handle: onPaymentRefunded,
};
