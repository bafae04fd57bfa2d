import type { PaymentStatus } from "@tx/api-contracts";
import type { Reconciler } from "@tx/service-kit";
import { cancelIntentOfEndedOrder, recordCanceled } from "../domain/cancel-intent";
import { holdEnded } from "../domain/hold";
import { settleSucceeded } from "../domain/record-payment";
import { refundPayment, refundReason } from "../domain/refunds";
import { gateway } from "../gateway/index";
import { OrderReplicaModel } from "../models/order-replica";
import { PaymentModel } from "../models/payment";

const OPEN: PaymentStatus[] = ["requires_payment_method", "requires_action", "processing"];
const PAGE = 200;
/** Refunds owed are looked for this far back (the process may have died long ago). */
const REFUND_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * No charge is left unsettled, and none is kept for a ticket the buyer did not get.
 * Instead of relying on webhooks alone (as Stripe recommends), every payment whose intent
 * is not final is checked with the provider:
 * - the intent succeeded: settle it (payment.succeeded, or a refund if the hold is over);
 * - the order ended (cancelled, or its hold over by more than the grace period): cancel
 *   the intent, so a late charge cannot happen;
 * - the intent was canceled at the provider: record it.
 * And every succeeded payment whose order was cancelled is refunded (a crash between
 * recording a late payment and refunding it). Each payment is handled on its own: one
 * that fails (the provider down, a refund refused) is logged and tried next pass.
 */
export function paymentsReconciler(): Reconciler {
  return {
    name: "payments",
    run: async ({ log, fixed }) => {
      const open = await PaymentModel.find({ status: { $in: OPEN } })
        .limit(PAGE)
        .lean();
      for (const payment of open) {
        try {
          const intent = await gateway().retrieveIntent(payment.intentId);
          if (intent.status === "succeeded") {
            await settleSucceeded(intent, log);
            fixed("charge_settled");
            continue;
          }
          if (intent.status === "canceled") {
            if (await recordCanceled(intent)) fixed("intent_cancel_recorded");
            continue;
          }
          const order = await OrderReplicaModel.findById(payment.orderId).lean();
          // No replica yet: the order is not known to be over, so its intent stays.
          if (order && (order.status !== "awaiting_payment" || holdEnded(order))) {
            const outcome = await cancelIntentOfEndedOrder(payment.orderId, log);
            if (outcome === "canceled") fixed("intent_cancelled");
            if (outcome === "settled") fixed("charge_settled");
          }
        } catch (err) {
          log.warn({ err, orderId: payment.orderId }, "payment not reconciled; next pass");
        }
      }

      const paid = await PaymentModel.find(
        { status: "succeeded", updatedAt: { $gte: new Date(Date.now() - REFUND_LOOKBACK_MS) } },
        { orderId: 1 },
      ).lean();
      for (const { orderId } of paid) {
        try {
          const order = await OrderReplicaModel.findById(orderId).lean();
          if (order?.status !== "cancelled") continue;
          const refunded = await refundPayment(orderId, refundReason(order), log);
          if (refunded?.status === "refunded") fixed("late_payment_refunded");
        } catch (err) {
          log.warn({ err, orderId }, "refund not made; next pass");
        }
      }
    },
  };
}
