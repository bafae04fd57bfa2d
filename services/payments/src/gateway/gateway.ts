import type { BillingAddress, Currency, PaymentMode } from "@tx/api-contracts";

/** A payment intent as both adapters report it (Stripe's lifecycle and vocabulary). */
export type Intent = {
  id: string;
  clientSecret: string;
  status:
    | "requires_payment_method"
    | "requires_confirmation"
    | "requires_action"
    | "processing"
    | "requires_capture"
    | "canceled"
    | "succeeded";
  amount: number;
  currency: Currency;
  orderId: string;
  lastError: string | null;
  billing: BillingAddress | null;
};

export type CreateIntent = {
  orderId: string;
  amount: number;
  currency: Currency;
  idempotencyKey: string;
  description: string;
};

export type PaymentGateway = {
  mode: PaymentMode;
  publishableKey: string | null;
  createIntent: (params: CreateIntent) => Promise<Intent>;
  retrieveIntent: (intentId: string) => Promise<Intent>;
  /**
   * Cancels an intent that has not been paid, so a late charge cannot happen. Returns the
   * intent as it is afterwards: `canceled`, or `succeeded` when the money came first.
   */
  cancelIntent: (intentId: string) => Promise<Intent>;
  /** Refunds the whole intent; the same idempotency key never refunds twice. */
  refund: (params: {
    intentId: string;
    idempotencyKey: string;
    orderId: string;
  }) => Promise<{ id: string }>;
};
