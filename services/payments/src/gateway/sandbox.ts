import { createHash, randomBytes } from "node:crypto";
import type { BillingAddress, SandboxCard } from "@tx/api-contracts";
import { DomainError, isDuplicateKey, type Logger } from "@tx/service-kit";
import type { Intent, PaymentGateway } from "./gateway";
import { type SandboxIntent, SandboxIntentModel } from "./sandbox-model";
import { type SandboxWebhooks, sandboxWebhooks } from "./sandbox-webhooks";

/** Stripe's published test cards: the outcome each one gives. */
const TEST_CARDS: Record<string, "succeed" | "decline" | "authenticate"> = {
  "4242424242424242": "succeed",
  "5555555555554444": "succeed",
  "4000000000000002": "decline",
  "4000002760003184": "authenticate",
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/** One intent per idempotency key, as with Stripe. */
const intentIdFor = (idempotencyKey: string) =>
  `pi_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;

function toIntent(s: SandboxIntent): Intent {
  return {
    id: s._id,
    clientSecret: s.clientSecret,
    status: s.status,
    amount: s.amount,
    currency: s.currency,
    orderId: s.orderId,
    lastError: s.lastError,
    billing: s.billing,
  };
}

export type SandboxGateway = PaymentGateway & {
  /** The webhooks it owes; the service starts their delivery. */
  webhooks: SandboxWebhooks;
  /** What Stripe.js confirmCardPayment does with a card: charge, decline or ask for 3-D Secure. */
  confirm: (intentId: string, card: SandboxCard, billing: BillingAddress) => Promise<Intent>;
  /** The buyer's answer on the 3-D Secure challenge page. */
  authenticate: (intentId: string, outcome: "complete" | "fail") => Promise<Intent>;
};

/**
 * A local stand-in for Stripe with the same intent lifecycle, used whenever no Stripe key
 * is configured. It reports outcomes the way Stripe does: a signed webhook to our route.
 */
export function sandboxGateway(opts: {
  webhookUrl: () => string;
  webhookSecret: string;
  log: Logger;
}): SandboxGateway {
  const webhooks = sandboxWebhooks({
    url: opts.webhookUrl,
    secret: opts.webhookSecret,
    log: opts.log,
  });
  const load = async (intentId: string) => {
    const s = await SandboxIntentModel.findById(intentId).lean();
    if (!s) throw new DomainError("NOT_FOUND", "No such payment.");
    return s;
  };

  /** Moves the intent on if it is in one of `from`; null when it was not (nothing changed). */
  const move = (intentId: string, from: Intent["status"][], update: Partial<SandboxIntent>) =>
    SandboxIntentModel.findOneAndUpdate(
      { _id: intentId, status: { $in: from } },
      { $set: update },
      { returnDocument: "after" },
    ).lean();

  /** As `move`, and reports a change the way Stripe does, by webhook; else the intent as it is. */
  const moveAndTell = async (
    intentId: string,
    from: Intent["status"][],
    update: Partial<SandboxIntent>,
    webhook?: string,
  ): Promise<Intent> => {
    const moved = await move(intentId, from, update);
    if (!moved) {
      const current = await load(intentId);
      // Canceled with its order: the buyer's card, or bank's answer, came too late.
      if (current.status === "canceled") {
        throw new DomainError(
          "CONFLICT",
          "This payment was cancelled: the hold on these tickets ended.",
        );
      }
      return toIntent(current);
    }
    const intent = toIntent(moved);
    if (webhook) await deliver(webhook, intent);
    return intent;
  };

  /** Reports the change like Stripe: a signed webhook, stored before this returns. */
  const deliver = (type: string, intent: Intent) => webhooks.enqueue(type, intent);

  return {
    mode: "sandbox",
    publishableKey: null,
    connect: null,
    webhooks,
    async createIntent(params) {
      // The key names the intent: a repeat finds it by _id instead of a search by key.
      const intentId = intentIdFor(params.idempotencyKey);
      try {
        const created = await SandboxIntentModel.create({
          _id: intentId,
          idempotencyKey: params.idempotencyKey,
          clientSecret: `${intentId}_secret_${randomBytes(12).toString("hex")}`,
          status: "requires_payment_method",
          amount: params.amount,
          currency: params.currency,
          orderId: params.orderId,
          createdAt: new Date(),
        });
        return toIntent(created.toObject());
      } catch (err) {
        // Two requests with one idempotency key: both get the one intent, as with Stripe.
        if (!isDuplicateKey(err)) throw err;
        const again = await SandboxIntentModel.findById(intentId).lean();
        if (!again) throw err;
        return toIntent(again);
      }
    },
    async retrieveIntent(intentId) {
      return toIntent(await load(intentId));
    },
    async cancelIntent(intentId) {
      const cancellable: Intent["status"][] = [
        "requires_payment_method",
        "requires_confirmation",
        "requires_action",
        "processing",
        "requires_capture",
      ];
      const moved = await move(intentId, cancellable, { status: "canceled", lastError: null });
      if (!moved) return toIntent(await load(intentId));
      const intent = toIntent(moved);
      await deliver("payment_intent.canceled", intent);
      return intent;
    },
    async refund(params) {
      const s = await load(params.intentId);
      if (s.refundId) return { id: s.refundId };
      if (s.status !== "succeeded") throw new Error(`cannot refund an intent that is ${s.status}`);
      const refundId = id("re");
      const updated = await SandboxIntentModel.findOneAndUpdate(
        { _id: s._id, refundId: null },
        { $set: { refundId } },
        { returnDocument: "after" },
      ).lean();
      return { id: updated?.refundId ?? (await load(s._id)).refundId ?? refundId };
    },
    async confirm(intentId, card, billing) {
      // One conditional write: an intent that is no longer confirmable (paid already, say)
      // is left alone and reported as it is.
      const outcome = TEST_CARDS[card.number];
      const [month, year] = card.expiry.split("/").map((p) => Number.parseInt(p.trim(), 10));
      const expired = !month || !year || new Date(2000 + year, month, 1) <= new Date();
      const confirmable: Intent["status"][] = ["requires_payment_method", "requires_action"];
      if (expired) {
        return moveAndTell(
          intentId,
          confirmable,
          { status: "requires_payment_method", lastError: "Your card has expired." },
          "payment_intent.payment_failed",
        );
      }
      if (outcome === "succeed") {
        return moveAndTell(
          intentId,
          confirmable,
          { status: "succeeded", lastError: null, billing },
          "payment_intent.succeeded",
        );
      }
      if (outcome === "authenticate") {
        return moveAndTell(intentId, confirmable, {
          status: "requires_action",
          lastError: null,
          billing,
        });
      }
      return moveAndTell(
        intentId,
        confirmable,
        {
          status: "requires_payment_method",
          lastError:
            outcome === "decline" ? "Your card was declined." : "Your card number is incorrect.",
        },
        "payment_intent.payment_failed",
      );
    },
    async authenticate(intentId, outcome) {
      if (outcome === "complete") {
        return moveAndTell(
          intentId,
          ["requires_action"],
          { status: "succeeded", lastError: null },
          "payment_intent.succeeded",
        );
      }
      return moveAndTell(
        intentId,
        ["requires_action"],
        {
          status: "requires_payment_method",
          lastError: "We could not authenticate your payment. Try again or use another card.",
        },
        "payment_intent.payment_failed",
      );
    },
  };
}
