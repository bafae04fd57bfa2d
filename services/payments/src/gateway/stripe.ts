import { Currency } from "@tx/api-contracts";
import Stripe from "stripe";
import type { ConnectedAccount, ConnectGateway, Intent, PaymentGateway, Transfer } from "./gateway";

export type StripeOptions = {
  secretKey: string;
  publishableKey: string;
  /** Only a local stub in tests sets these; production talks to api.stripe.com. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
};

/** The real thing: PaymentIntents with automatic payment methods, refunds via the Refund API. */
export function stripeGateway(opts: StripeOptions): PaymentGateway {
  const stripe = new Stripe(opts.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port ? { port: opts.port } : {}),
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
  });

  const toIntent = (pi: Stripe.PaymentIntent): Intent => {
    const charge = typeof pi.latest_charge === "object" ? pi.latest_charge : null;
    const details = charge?.billing_details;
    return {
      id: pi.id,
      clientSecret: pi.client_secret ?? "",
      status: knownStatus(pi.status),
      amount: pi.amount,
      currency: Currency.parse(pi.currency.toUpperCase()),
      orderId: pi.metadata.orderId ?? "",
      lastError: pi.last_payment_error?.message ?? null,
      billing:
        details?.name && details.address?.line1
          ? {
              name: details.name,
              line1: details.address.line1,
              line2: details.address.line2 ?? undefined,
              city: details.address.city ?? "",
              state: details.address.state ?? undefined,
              postalCode: details.address.postal_code ?? "",
              country: details.address.country ?? "",
            }
          : null,
    };
  };

  return {
    mode: "stripe",
    publishableKey: opts.publishableKey,
    connect: stripeConnect(stripe),
    async createIntent(params) {
      const pi = await stripe.paymentIntents.create(
        {
          amount: params.amount,
          currency: params.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          description: params.description,
          metadata: { orderId: params.orderId },
        },
        { idempotencyKey: params.idempotencyKey },
      );
      return toIntent(pi);
    },
    async retrieveIntent(intentId) {
      return toIntent(
        await stripe.paymentIntents.retrieve(intentId, { expand: ["latest_charge"] }),
      );
    },
    async cancelIntent(intentId) {
      try {
        return toIntent(await stripe.paymentIntents.cancel(intentId));
      } catch (err) {
        // Already succeeded or canceled: Stripe refuses; what counts is the state it is in.
        if (!(err instanceof Stripe.errors.StripeInvalidRequestError)) throw err;
        return toIntent(
          await stripe.paymentIntents.retrieve(intentId, { expand: ["latest_charge"] }),
        );
      }
    },
    async refund(params) {
      const refund = await stripe.refunds.create(
        { payment_intent: params.intentId, metadata: { orderId: params.orderId } },
        { idempotencyKey: params.idempotencyKey },
      );
      return { id: refund.id };
    },
  };
}

/** Connect Express: Stripe hosts the onboarding and the seller's dashboard. */
function stripeConnect(stripe: Stripe): ConnectGateway {
  const toAccount = (a: Stripe.Account): ConnectedAccount => ({
    id: a.id,
    payoutsEnabled: a.payouts_enabled === true,
    detailsSubmitted: a.details_submitted === true,
  });
  const toTransfer = (t: Stripe.Transfer): Transfer => ({
    id: t.id,
    amount: t.amount,
    currency: Currency.parse(t.currency.toUpperCase()),
    destination: typeof t.destination === "string" ? t.destination : (t.destination?.id ?? ""),
  });
  return {
    async createAccount({ sellerId, email, idempotencyKey }) {
      const account = await stripe.accounts.create(
        {
          type: "express",
          email,
          capabilities: { transfers: { requested: true } },
          metadata: { sellerId },
        },
        { idempotencyKey },
      );
      return toAccount(account);
    },
    async retrieveAccount(accountId) {
      return toAccount(await stripe.accounts.retrieve(accountId));
    },
    async onboardingLink({ accountId, returnUrl, refreshUrl }) {
      const link = await stripe.accountLinks.create({
        account: accountId,
        type: "account_onboarding",
        return_url: returnUrl,
        refresh_url: refreshUrl,
      });
      return { url: link.url };
    },
    async findTransfer(group) {
      const list = await stripe.transfers.list({ transfer_group: group, limit: 1 });
      const found = list.data[0];
      return found ? toTransfer(found) : null;
    },
    async transfer({ amount, currency, destination, group, idempotencyKey }) {
      const transfer = await stripe.transfers.create(
        {
          amount,
          currency: currency.toLowerCase(),
          destination,
          transfer_group: group,
          metadata: { payout: group },
        },
        { idempotencyKey },
      );
      return toTransfer(transfer);
    },
  };
}

const statuses: Intent["status"][] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
  "requires_capture",
  "canceled",
  "succeeded",
];

// Stripe may add statuses; an unknown one is treated as still in progress, never as paid.
function knownStatus(status: string): Intent["status"] {
  return statuses.find((s) => s === status) ?? "processing";
}

/** One verifier for both adapters: Stripe's own, on the raw body. */
export function verifyWebhook(rawBody: Buffer, signature: string | undefined, secret: string) {
  if (!signature) throw new Error("missing Stripe-Signature header");
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

export function signWebhook(payload: string, secret: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}
