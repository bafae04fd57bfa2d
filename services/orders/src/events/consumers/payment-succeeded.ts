import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { completeOrder } from "../../domain/transitions";
import { orderForEvent } from "../order-for-event";

/**
 * The money landed. In time: the order completes. Too late (already cancelled): the order
 * stays cancelled and the payments service refunds; payment.refunded then marks it.
 */
export async function onPaymentSucceeded(event: Envelope<"payment.succeeded">, log: Logger) {
  const order = await orderForEvent(event.data.orderId);
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

export const paymentSucceededConsumer: ConsumerOptions<"payment.succeeded"> = {
  subject: "payment.succeeded",
  handle: onPaymentSucceeded,
};
