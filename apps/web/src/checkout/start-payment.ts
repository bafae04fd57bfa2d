import "server-only";
import type { PaymentSession } from "@tx/api-contracts";
import { retryWhileUnknown } from "@/trpc/retry";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

export type PaymentStart =
  | { kind: "ready"; session: PaymentSession }
  | { kind: "paid" }
  | { kind: "ended"; message: string }
  | { kind: "listing_changed"; message: string };

/**
 * The order's payment session (created once; the same one on every reload). The payments
 * service answers CONFLICT when the order is paid or its hold is over: which one, its
 * payment's state says.
 */
export async function startPayment(orderId: string): Promise<PaymentStart> {
  const api = await serverApi();
  try {
    return {
      kind: "ready",
      session: await retryWhileUnknown(() => api.payments.start.mutate({ orderId })),
    };
  } catch (err) {
    const refusal = serviceError(err);
    if (refusal?.code !== "CONFLICT") throw err;
    if (refusal.domainCode === "LISTING_CHANGED") {
      return { kind: "listing_changed", message: refusal.message };
    }
    const payment = await api.payments.get.query({ orderId }).catch(() => null);
    return payment?.status === "succeeded" || payment?.status === "refunded"
      ? { kind: "paid" }
      : { kind: "ended", message: refusal.message };
  }
}
