import type { PaymentStatus } from "@tx/api-contracts";
import type { Logger } from "@tx/service-kit";
import type { Intent } from "../gateway/gateway";
import { gateway } from "../gateway/index";
import { PaymentModel } from "../models/payment";
import { settleSucceeded } from "./record-payment";

const FINAL: PaymentStatus[] = ["succeeded", "refunded", "canceled"];

/** The provider canceled the intent: the payment can no longer be charged. */
export async function recordCanceled(intent: Intent): Promise<boolean> {
  const res = await PaymentModel.updateOne(
    { _id: intent.orderId, intentId: intent.id, status: { $nin: FINAL } },
    { $set: { status: "canceled" satisfies PaymentStatus, lastError: null } },
  );
  return res.modifiedCount === 1;
}

/**
 * The order ended without payment: cancel its intent at the provider, so a card confirmed
 * late is never charged (prevented, rather than refunded). If the money came first, the
 * provider says so and the payment is settled, which refunds it for the ended order.
 * Safe to repeat. Returns what happened, for the reconciler's count.
 */
export async function cancelIntentOfEndedOrder(
  orderId: string,
  log: Logger,
): Promise<"none" | "canceled" | "settled"> {
  const payment = await PaymentModel.findById(orderId).lean();
  if (!payment || FINAL.includes(payment.status)) return "none";
  const intent = await gateway().cancelIntent(payment.intentId);
  if (intent.status === "succeeded") {
    await settleSucceeded(intent, log);
    return "settled";
  }
  if (intent.status === "canceled" && (await recordCanceled(intent))) {
    log.info({ orderId, intentId: intent.id }, "payment intent canceled with its order");
    return "canceled";
  }
  return "none";
}
