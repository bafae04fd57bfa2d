import type { PaymentStatus } from "@tx/api-contracts";
import { type Logger, outbox, pendingEvent, RetryLater } from "@tx/service-kit";
import type { Intent } from "../gateway/gateway";
import { OrderReplicaModel } from "../models/order-replica";
import { type Payment, PaymentModel } from "../models/payment";
import { holdEnded } from "./hold";
import { refundLatePayment, refundPayment, refundReason } from "./refunds";

/**
 * What the provider's answer about an intent does to our payment record.
 *
 * The money landed (learned from the webhook or by retrieving the intent; both come here,
 * and twice is the same as once). In time: payment.succeeded. The order already ended:
 * refund at once (refunds.ts), so nobody pays for a ticket they did not get.
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
    return order.status === "cancelled" || order.reservationRejected
      ? refundPayment(payment.orderId, refundReason(order), log)
      : payment;
  }

  // A rejected reservation (the listing changed) is never paid for: refunded like a late payment.
  if (order.status === "awaiting_payment" && !order.reservationRejected && !holdEnded(order)) {
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
  return refundLatePayment(payment, intent, order, log);
}

/** A decline or failed authentication: the buyer may try again while the hold lasts. */
export async function recordFailure(intent: Intent): Promise<void> {
  await PaymentModel.updateOne(
    {
      _id: intent.orderId,
      intentId: intent.id,
      status: { $nin: ["succeeded", "refunded", "canceled"] },
    },
    {
      $set: {
        status: "requires_payment_method" satisfies PaymentStatus,
        lastError: intent.lastError,
      },
    },
  );
}
