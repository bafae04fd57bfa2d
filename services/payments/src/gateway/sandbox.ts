import { randomBytes } from "node:crypto";
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

  const set = async (
    intentId: string,
    from: Intent["status"][],
    update: Partial<SandboxIntent>,
  ) => {
    const s = await SandboxIntentModel.findOneAndUpdate(
      { _id: intentId, status: { $in: from } },
      { $set: update },
      { returnDocument: "after" },
    ).lean();
    return s ?? (await load(intentId));
  };

  /** Reports the change like Stripe: a signed webhook, stored before this returns. */
  const deliver = (type: string, intent: Intent) => webhooks.enqueue(type, intent);

  return {
    mode: "sandbox",
    publishableKey: null,
    webhooks,
    async createIntent(params) {
      const existing = await SandboxIntentModel.findOne({
        idempotencyKey: params.idempotencyKey,
      }).lean();
      if (existing) return toIntent(existing);
      const intentId = id("pi");
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
        const again = await SandboxIntentModel.findOne({
          idempotencyKey: params.idempotencyKey,
        }).lean();
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
      const s = await set(intentId, cancellable, { status: "canceled", lastError: null });
      if (s.status === "canceled") await deliver("payment_intent.canceled", toIntent(s));
      return toIntent(s);
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
      const s = await load(intentId);
      if (s.status === "succeeded") return toIntent(s);
      if (s.status === "canceled") {
        throw new DomainError(
          "CONFLICT",
          "This payment was cancelled: the hold on these tickets ended.",
        );
      }
      const outcome = TEST_CARDS[card.number];
      const [month, year] = card.expiry.split("/").map((p) => Number.parseInt(p.trim(), 10));
      const expired = !month || !year || new Date(2000 + year, month, 1) <= new Date();
      const confirmable: Intent["status"][] = ["requires_payment_method", "requires_action"];
      if (expired) {
        const failed = await set(intentId, confirmable, {
          status: "requires_payment_method",
          lastError: "Your card has expired.",
        });
        await deliver("payment_intent.payment_failed", toIntent(failed));
        return toIntent(failed);
      }
      if (outcome === "succeed") {
        const done = await set(intentId, confirmable, {
          status: "succeeded",
          lastError: null,
          billing,
        });
        if (done.status === "succeeded") await deliver("payment_intent.succeeded", toIntent(done));
        return toIntent(done);
      }
      if (outcome === "authenticate") {
        return toIntent(
          await set(intentId, confirmable, { status: "requires_action", lastError: null, billing }),
        );
      }
      const declined = await set(intentId, confirmable, {
        status: "requires_payment_method",
        lastError:
          outcome === "decline" ? "Your card was declined." : "Your card number is incorrect.",
      });
      await deliver("payment_intent.payment_failed", toIntent(declined));
      return toIntent(declined);
    },
    async authenticate(intentId, outcome) {
      if ((await load(intentId)).status === "canceled") {
        throw new DomainError(
          "CONFLICT",
          "This payment was cancelled: the hold on these tickets ended.",
        );
      }
      if (outcome === "complete") {
        const done = await set(intentId, ["requires_action"], {
          status: "succeeded",
          lastError: null,
        });
        if (done.status === "succeeded") await deliver("payment_intent.succeeded", toIntent(done));
        return toIntent(done);
      }
      const failed = await set(intentId, ["requires_action"], {
        status: "requires_payment_method",
        lastError: "We could not authenticate your payment. Try again or use another card.",
      });
      await deliver("payment_intent.payment_failed", toIntent(failed));
      return toIntent(failed);
    },
  };
}
