import type { PaymentStatus, RefundReason } from "@tx/api-contracts";
import { type Logger, outbox, pendingEvent, RetryLater } from "@tx/service-kit";
import { env } from "../env";
import type { Intent } from "../gateway/gateway";
import { gateway } from "../gateway/index";
import { type OrderReplica, OrderReplicaModel } from "../models/order-replica";
import { type Payment, PaymentModel } from "../models/payment";

/**
 * The money landed (learned from the webhook or by retrieving the intent; both come here,
 * and twice is the same as once). In time: payment.succeeded. The order already ended:
 * refund at once, so nobody pays for a ticket they did not get.
 */
export async function settleSucceeded(intent: Intent, log: Logger): Promise<Payment | null> {
  const payment = await PaymentModel.findOne({ intentId: intent.id }).lean();
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

  if (order.status === "awaiting_payment" && !holdEnded(order)) {
    const settled = await outbox.update(
      PaymentModel,
      { _id: payment._id, status: { $nin: ["succeeded", "refunded"] } },
      {
        $set: { status: "succeeded", lastError: null, billing: intent.billing ?? payment.billing },
      },
      [
        pendingEvent("payment.succeeded", {
          id: payment._id.toString(),
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
  // Cancelled, or its hold is over by more than the grace period (the cancellation is late):
  // the ticket is not the buyer's, so neither is this charge.
  const reason =
    order.status === "awaiting_payment" ? "order_expired" : refundReason(order.cancelReason);
  // Record the success first, so a crash before the refund still leaves a paid payment to refund.
  await PaymentModel.updateOne(
    { _id: payment._id, status: { $nin: ["succeeded", "refunded"] } },
    { $set: { status: "succeeded", billing: intent.billing ?? payment.billing } },
  );
  return refundPayment(payment.orderId, reason, log);
}

/**
 * Whether the order's hold is over for good: it ended more than the grace period ago.
 * Within the grace period the order's own service still decides (it may have completed
 * the order on a payment that came just in time); after it, orders cancels the hold itself.
 */
export function holdEnded(order: Pick<OrderReplica, "expiresAt">, now = Date.now()): boolean {
  return order.expiresAt.getTime() + env.RECONCILE_GRACE_SECONDS * 1000 < now;
}

export function refundReason(cancelReason: string | null | undefined): RefundReason {
  return cancelReason === "expired" ? "order_expired" : "order_cancelled";
}

/** Refunds a succeeded payment whose order ended without it. Safe to repeat. */
export async function refundPayment(orderId: string, reason: RefundReason, log: Logger) {
  const payment = await PaymentModel.findOne({ orderId }).lean();
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
        id: payment._id.toString(),
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
    { intentId: intent.id, status: { $nin: ["succeeded", "refunded"] } },
    {
      $set: {
        status: "requires_payment_method" satisfies PaymentStatus,
        lastError: intent.lastError,
      },
    },
  );
}
