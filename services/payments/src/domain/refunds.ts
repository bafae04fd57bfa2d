import type { RefundReason } from "@tx/api-contracts";
import { type Logger, outbox, pendingEvent } from "@tx/service-kit";
import type { Intent } from "../gateway/gateway";
import { gateway } from "../gateway/index";
import { type OrderReplica, OrderReplicaModel } from "../models/order-replica";
import { type Payment, PaymentModel } from "../models/payment";

/**
 * Where a refund is decided. The rule: money for an order that ended without it goes back
 * at once, so nobody pays for tickets they did not get. Four paths learn of such money and
 * all refund through `refundPayment` here:
 * - the money lands after the order ended (`refundLatePayment`, from record-payment.ts);
 * - the order is cancelled after its money landed (events/consumers/order-events.ts);
 * - our own payment.succeeded, read back, finds its order cancelled by now (same file);
 * - the check at start finds a late payment a crash left unrefunded (`refundLeftovers`);
 * - the seller missed a transfer's deadline (events/consumers/delivery-failed.ts).
 */
export function refundReason(cancelReason: string | null | undefined): RefundReason {
  return cancelReason === "expired" ? "order_expired" : "order_cancelled";
}

/** Money that landed for an order that had already ended: recorded, then refunded at once. */
export async function refundLatePayment(
  payment: Payment,
  intent: Intent,
  order: OrderReplica,
  log: Logger,
) {
  const reason = refundReason(order.cancelReason);
  // Record the success first, so a crash before the refund still leaves a paid payment to refund.
  await PaymentModel.updateOne(
    { _id: payment._id, status: { $nin: ["succeeded", "refunded"] } },
    { $set: { status: "succeeded", billing: intent.billing ?? payment.billing } },
  );
  return refundPayment(payment.orderId, reason, log);
}

/** Refunds a succeeded payment whose order ended without it. Safe to repeat. */
export async function refundPayment(orderId: string, reason: RefundReason, log: Logger) {
  const payment = await PaymentModel.findById(orderId).lean();
  if (payment?.status !== "succeeded") return payment;
  // Outside any transaction, with an idempotency key: a retry never refunds twice.
  const refund = await gateway().refund({
    intentId: payment.intentId,
    idempotencyKey: `refund-${payment.intentId}`,
    orderId,
  });
  const refunded = await outbox.update(
    PaymentModel,
    { _id: payment._id, status: "succeeded" },
    { $set: { status: "refunded", refundId: refund.id } },
    [
      pendingEvent("payment.refunded", {
        id: payment._id,
        orderId,
        amount: payment.amount,
        currency: payment.currency,
        reason,
      }),
    ],
  );
  log.warn({ orderId, refundId: refund.id, reason }, "late payment refunded");
  return refunded;
}

/**
 * At start: payments recorded as succeeded in the last `withinHours` whose order has been
 * cancelled are refunded. This process may have died between recording a late payment and
 * refunding it, and nothing else would come back for it (the sandbox's webhook retries
 * lived in the dead process). Returns how many it refunded.
 */
export async function refundLeftovers(log: Logger, withinHours = 48): Promise<number> {
  const since = new Date(Date.now() - withinHours * 3_600_000);
  const paid = await PaymentModel.find(
    { status: "succeeded", updatedAt: { $gte: since } },
    { orderId: 1 },
  ).lean();
  let refunded = 0;
  for (const { orderId } of paid) {
    const order = await OrderReplicaModel.findById(orderId).lean();
    if (order?.status !== "cancelled") continue;
    await refundPayment(orderId, refundReason(order.cancelReason), log);
    refunded += 1;
  }
  if (refunded > 0) log.warn({ refunded }, "refunded late payments left by a crash");
  return refunded;
}
