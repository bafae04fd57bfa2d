import type { RefundReason } from "@tx/api-contracts";
import { type Logger, outbox, pendingEvent } from "@tx/service-kit";
import type { Intent } from "../gateway/gateway";
import { gateway } from "../gateway/index";
import type { OrderReplica } from "../models/order-replica";
import { type Payment, PaymentModel } from "../models/payment";

/**
 * Where a refund is decided. The rule: money for an order that ended without it goes back
 * at once, so nobody pays for tickets they did not get. These paths learn of such money and
 * all refund through `refundPayment` here:
 * - the money lands after the order ended (`refundLatePayment`, from record-payment.ts);
 * - the order is cancelled after its money landed (events/consumers/order-events.ts);
 * - our own payment.succeeded, read back, finds its order cancelled by now (same file);
 * - the reconciler finds a late payment a crash left unrefunded (reconcile/payments.ts);
 * - tickets rejected the order's reservation (the listing changed): reservation-rejected.ts;
 * - the seller missed a transfer's deadline (events/consumers/delivery-failed.ts).
 */

/**
 * Money that landed for an order that had already ended (or whose hold is over, see
 * hold.ts): recorded, then refunded at once.
 */
export async function refundLatePayment(
  payment: Payment,
  intent: Intent,
  order: OrderReplica,
  log: Logger,
) {
  // Cancelled, or its hold is over by more than the grace period (the cancellation is late):
  // the ticket is not the buyer's, so neither is this charge.
  const reason =
    order.status === "awaiting_payment" && !order.reservationRejected
      ? "order_expired"
      : refundReason(order);
  // Record the success first, so a crash before the refund still leaves a paid payment to refund.
  const recorded = await PaymentModel.updateOne(
    { _id: payment._id, status: { $nin: ["succeeded", "refunded"] } },
    { $set: { status: "succeeded", billing: intent.billing ?? payment.billing } },
  );
  if (recorded.modifiedCount === 0) {
    // Another settle recorded this money first: one that found the hold still running and
    // published payment.succeeded (orders completes the sale on it), or a crashed late one.
    // Its decision stands; refunding on this older reading would take back a sold ticket's
    // money. If that order does end unpaid, its cancellation refunds the payment.
    log.info({ orderId: payment.orderId }, "late payment already recorded by another settle");
    return PaymentModel.findById(payment._id).lean();
  }
  return refundPayment(payment.orderId, reason, log);
}

export function refundReason(
  order: Pick<OrderReplica, "cancelReason" | "reservationRejected">,
): RefundReason {
  if (order.reservationRejected || order.cancelReason === "listing_changed") {
    return "listing_changed";
  }
  return order.cancelReason === "expired" ? "order_expired" : "order_cancelled";
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
