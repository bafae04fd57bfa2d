import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { refundPayment } from "../../domain/refunds";

/**
 * The seller did not transfer the tickets by the deadline: the buyer's money goes back in
 * full (`payment.refunded`, reason `delivery_failed`; orders then moves the order to
 * refunded). Safe to repeat: refundPayment refunds a succeeded payment once, with the
 * provider's idempotency key, and a refunded one is left alone.
 */
export async function onDeliveryFailed(
  event: Envelope<"delivery.failed">,
  log: Logger,
): Promise<void> {
  const { orderId } = event.data;
  const payment = await refundPayment(orderId, "delivery_failed", log);
  if (payment?.status === "refunded") return;
  // A complete order has a succeeded payment; one not recorded here yet is waited for.
  throw new RetryLater(`payment of order ${orderId} is ${payment?.status ?? "not known yet"}`);
}

export const deliveryFailedConsumer: ConsumerOptions<"delivery.failed"> = {
  subject: "delivery.failed",
  handle: onDeliveryFailed,
};
