import type { PaymentState } from "@tx/api-contracts";
import type { Payment } from "../models/payment";

export function toPaymentState(p: Payment): PaymentState {
  return {
    orderId: p.orderId,
    status: p.status,
    amount: { amount: p.amount, currency: p.currency },
    billingName: p.billing?.name ?? null,
    lastError: p.lastError,
    requiresAction: p.status === "requires_action",
  };
}
