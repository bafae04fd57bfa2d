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
  /** Payouts to sellers' connected accounts: Stripe only. */
  connect: ConnectGateway | null;
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

/** A seller's connected account (Stripe Connect Express), as far as payouts care. */
export type ConnectedAccount = { id: string; payoutsEnabled: boolean; detailsSubmitted: boolean };

/** Money moved from the platform's balance to a connected account. */
export type Transfer = { id: string; amount: number; currency: Currency; destination: string };

/**
 * Stripe Connect: sellers onboard through an account link and are paid by transfers. The
 * sandbox has none of this: it records a payout as paid (payouts/run.ts).
 */
export type ConnectGateway = {
  /** The same idempotency key never makes a second account. */
  createAccount: (params: {
    sellerId: string;
    email: string;
    idempotencyKey: string;
  }) => Promise<ConnectedAccount>;
  retrieveAccount: (accountId: string) => Promise<ConnectedAccount>;
  /** A single-use link to Stripe's hosted onboarding, back to `returnUrl` when done. */
  onboardingLink: (params: {
    accountId: string;
    returnUrl: string;
    refreshUrl: string;
  }) => Promise<{ url: string }>;
  /** The transfer made for this group (a payout's key), if any: a retry never pays twice. */
  findTransfer: (group: string) => Promise<Transfer | null>;
  transfer: (params: {
    amount: number;
    currency: Currency;
    destination: string;
    group: string;
    idempotencyKey: string;
  }) => Promise<Transfer>;
};
