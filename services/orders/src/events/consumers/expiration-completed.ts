import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { cancelOrder } from "../../domain/transitions";
import { orderForEvent } from "../order-for-event";

/**
 * Where an expired hold is cancelled: the hold ended (expiration's BullMQ job fired), so the
 * order is cancelled, unless the buyer already paid (a paid order is never cancelled).
 */
export async function onExpirationCompleted(event: Envelope<"expiration.completed">, log: Logger) {
  const order = await orderForEvent(event.data.orderId);
  if (order.status !== "awaiting_payment") return;
  const cancelled = await cancelOrder(order, "expired");
  if (!cancelled) throw new RetryLater("order changed while expiring");
  log.info({ orderId: order._id.toString() }, "order expired");
}

export const expirationCompletedConsumer: ConsumerOptions<"expiration.completed"> = {
  subject: "expiration.completed",
  handle: onExpirationCompleted,
};
