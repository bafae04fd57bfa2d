import { randomBytes } from "node:crypto";
import { databaseReachable, type Logger } from "@tx/service-kit";
import type { Intent } from "./gateway";
import { SandboxWebhookModel } from "./sandbox-webhook-model";
import { signWebhook } from "./stripe";

/** Stripe retries an undelivered webhook for up to three days. */
const GIVE_UP_AFTER_MS = 3 * 24 * 3_600_000;
/** A claimed delivery that did not report back (the process died) is due again after this. */
const CLAIM_MS = 30_000;
const BATCH = 8;

/** Seconds until try n+1: 1, 2, 4, ... capped at an hour, with jitter. */
export function webhookBackoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The event Stripe would send for an intent that changed. */
export function webhookPayload(type: string, intent: Intent): { id: string; payload: string } {
  const id = `evt_${randomBytes(12).toString("hex")}`;
  const payload = JSON.stringify({
    id,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: intent.id,
        object: "payment_intent",
        amount: intent.amount,
        currency: intent.currency.toLowerCase(),
        status: intent.status,
        metadata: { orderId: intent.orderId },
        last_payment_error: intent.lastError ? { message: intent.lastError } : null,
      },
    },
  });
  return { id, payload };
}

export type SandboxWebhooks = {
  /** Stores the event (awaited: once this returns it survives a crash) and sends it soon. */
  enqueue: (type: string, intent: Intent) => Promise<void>;
  /** Starts sending what is due, now and every `pollMs`; returns how to stop. */
  start: (pollMs?: number) => () => Promise<void>;
};

/**
 * Durable webhooks for the sandbox gateway, delivered like Stripe delivers them: stored
 * first, signed, retried with backoff until the route answers 2xx, for days, whichever
 * replica of payments is alive to send them. A delivery is claimed with a conditional
 * update, so two replicas send it once (and the route drops a repeat by its event id).
 */
export function sandboxWebhooks(opts: {
  url: () => string;
  secret: string;
  log: Logger;
}): SandboxWebhooks {
  let kick: (() => void) | undefined;

  const deliverOne = async (): Promise<boolean> => {
    const now = new Date();
    const hook = await SandboxWebhookModel.findOneAndUpdate(
      { nextAttemptAt: { $lte: now } },
      { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) }, $inc: { attempts: 1 } },
      { returnDocument: "after", sort: { nextAttemptAt: 1 } },
    ).lean();
    if (!hook) return false;
    let error: string;
    try {
      const res = await fetch(opts.url(), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": signWebhook(hook.payload, opts.secret),
        },
        body: hook.payload,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) {
        await SandboxWebhookModel.deleteOne({ _id: hook._id });
        return true;
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= hook.giveUpAt.getTime()) {
      opts.log.error({ type: hook.type, intentId: hook.intentId }, "sandbox webhook given up");
      await SandboxWebhookModel.deleteOne({ _id: hook._id });
      return true;
    }
    const delay = webhookBackoffMs(hook.attempts);
    opts.log.warn(
      { type: hook.type, intentId: hook.intentId, attempt: hook.attempts, error, delay },
      "sandbox webhook not accepted, will retry",
    );
    await SandboxWebhookModel.updateOne(
      { _id: hook._id },
      { $set: { nextAttemptAt: new Date(Date.now() + delay), lastError: error } },
    );
    return true;
  };

  const drain = async () => {
    if (!databaseReachable()) return;
    // Up to BATCH at once, until nothing is due.
    for (;;) {
      const sent = await Promise.all(Array.from({ length: BATCH }, deliverOne));
      if (!sent.some(Boolean)) return;
    }
  };

  return {
    async enqueue(type, intent) {
      const { id, payload } = webhookPayload(type, intent);
      const now = new Date();
      await SandboxWebhookModel.create({
        _id: id,
        type,
        intentId: intent.id,
        payload,
        attempts: 0,
        nextAttemptAt: now,
        giveUpAt: new Date(now.getTime() + GIVE_UP_AFTER_MS),
        createdAt: now,
      });
      kick?.();
    },
    start(pollMs = 1_000) {
      let stopped = false;
      let running: Promise<void> | undefined;
      const run = () => {
        running ??= drain()
          .catch((err) => opts.log.warn({ err }, "sandbox webhook delivery failed"))
          .finally(() => {
            running = undefined;
          });
        return running;
      };
      kick = () => {
        if (!stopped) void run();
      };
      const timer = setInterval(() => void run(), pollMs);
      timer.unref();
      void run();
      return async () => {
        stopped = true;
        kick = undefined;
        clearInterval(timer);
        await running;
      };
    },
  };
}
