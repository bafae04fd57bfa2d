import type { PaymentStatus, RefundReason } from "@tx/api-contracts";
import { type Logger, outbox, pendingEvent, RetryLater } from "@tx/service-kit";
import type { Intent } from "../gateway/gateway";
import { gateway } from "../gateway/index";
import { OrderReplicaModel } from "../models/order-replica";
import { type Payment, PaymentModel } from "../models/payment";

/**
 * The money landed (learned from the webhook or by retrieving the intent; both come here,
 * and twice is the same as once). In time: payment.succeeded. The order already ended:
 * refund at once, so nobody pays for a ticket they did not get.
 */
export async function settleSucceeded(
  intent: Intent,
  log: Logger,
  /** The payment as the caller just read it: its writes below are conditional anyway. */
  known?: Payment,
): Promise<Payment | null> {
  // An intent names its order, and the payment is keyed by the order.
  const found = known ?? (await PaymentModel.findById(intent.orderId).lean());
  const payment = found?.intentId === intent.id ? found : null;
  if (!payment) throw new RetryLater(`no payment recorded for intent ${intent.id}`);
  if (payment.status === "refunded") return payment;
  const order = await OrderReplicaModel.findById(payment.orderId).lean();
  if (!order) throw new RetryLater(`order ${payment.orderId} not replicated yet`);
  if (payment.status === "succeeded") {
    // Settled before (a redelivered webhook, a sync): if a crash came between recording the
    // money and refunding it for an order that had ended, this finishes the refund.
    return order.status === "cancelled"
      ? refundPayment(payment.orderId, refundReason(order.cancelReason), log)
      : payment;
  }

  if (order.status === "awaiting_payment") {
    const settled = await outbox.update(
      PaymentModel,
      { _id: payment._id, status: { $nin: ["succeeded", "refunded"] } },
      {
        $set: { status: "succeeded", lastError: null, billing: intent.billing ?? payment.billing },
      },
      [
        pendingEvent("payment.succeeded", {
          id: payment._id,
          orderId: payment.orderId,
          amount: payment.amount,
          currency: payment.currency,
          providerRef: intent.id,
        }),
      ],
    );
    log.info({ orderId: payment.orderId, intentId: intent.id }, "payment succeeded");
    return settled;
  }
  const reason = refundReason(order.cancelReason);
  // Record the success first, so a crash before the refund still leaves a paid payment to refund.
  await PaymentModel.updateOne(
    { _id: payment._id, status: { $nin: ["succeeded", "refunded"] } },
    { $set: { status: "succeeded", billing: intent.billing ?? payment.billing } },
  );
  return refundPayment(payment.orderId, reason, log);
}

export function refundReason(cancelReason: string | null | undefined): RefundReason {
  return cancelReason === "expired" ? "order_expired" : "order_cancelled";
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

/** A decline or failed authentication: the buyer may try again while the hold lasts. */
export async function recordFailure(intent: Intent): Promise<void> {
  await PaymentModel.updateOne(
    { _id: intent.orderId, intentId: intent.id, status: { $nin: ["succeeded", "refunded"] } },
    {
      $set: {
        status: "requires_payment_method" satisfies PaymentStatus,
        lastError: intent.lastError,
      },
    },
  );
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
