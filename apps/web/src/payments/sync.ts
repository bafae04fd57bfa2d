import "server-only";
import type { PaymentState } from "@tx/api-contracts";
import { retryWhileUnknown } from "@/trpc/retry";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

/**
 * Asks the payments service to ask the provider about the order's payment now, so a slow
 * webhook changes nothing for the buyer. Retried (about 2.5 s) while the payments service
 * has not heard of the payment yet; null when none was started, or when it does not answer.
 * A mutation: called from the return route and a server action, never while rendering.
 */
export async function syncPayment(orderId: string): Promise<PaymentState | null> {
  try {
    const api = await serverApi();
    return await retryWhileUnknown(() => api.payments.sync.mutate({ orderId }));
  } catch (err) {
    const refusal = serviceError(err);
    if (refusal && refusal.code !== "NOT_FOUND") throw err;
    return null;
  }
}
