import type http from "node:http";
import { insertOnce, type Logger, type RawRoute, RetryLater } from "@tx/service-kit";
import { recordCanceled } from "../domain/cancel-intent";
import { recordFailure, settleSucceeded } from "../domain/record-payment";
import { gateway } from "../gateway/index";
import { verifyWebhook } from "../gateway/stripe";
import { WebhookEventModel } from "../models/webhook-event";

const MAX_BODY = 512 * 1024;

function readRaw(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function answer(res: http.ServerResponse, status: number, body: object) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * POST /webhooks/stripe. The signature is checked on the raw body before anything else
 * (a bad or missing one gets 400 and changes nothing); each event id is handled once.
 */
export function webhookRoute(secret: string, log: Logger): RawRoute {
  return async (req, res) => {
    if (req.method !== "POST") return answer(res, 405, { error: "POST only" });
    let event: ReturnType<typeof verifyWebhook>;
    try {
      const raw = await readRaw(req);
      const header = req.headers["stripe-signature"];
      event = verifyWebhook(raw, Array.isArray(header) ? header[0] : header, secret);
    } catch (err) {
      log.warn({ reason: err instanceof Error ? err.message : String(err) }, "webhook refused");
      return answer(res, 400, { error: "invalid signature" });
    }
    const wlog = log.child({ webhookEventId: event.id, type: event.type });
    if (await WebhookEventModel.exists({ _id: event.id })) {
      return answer(res, 200, { received: true, duplicate: true });
    }
    try {
      if (
        event.type === "payment_intent.succeeded" ||
        event.type === "payment_intent.payment_failed"
      ) {
        const object = event.data.object as { id: string };
        // The provider's current view, not the event's copy: the same path as the return sync.
        const intent = await gateway().retrieveIntent(object.id);
        if (intent.status === "succeeded") await settleSucceeded(intent, wlog);
        else await recordFailure(intent);
      } else if (event.type === "payment_intent.canceled") {
        const object = event.data.object as { id: string };
        const intent = await gateway().retrieveIntent(object.id);
        if (intent.status === "canceled") await recordCanceled(intent);
      }
      await insertOnce(() =>
        WebhookEventModel.create({ _id: event.id, type: event.type, receivedAt: new Date() }),
      );
      return answer(res, 200, { received: true });
    } catch (err) {
      // Not recorded: the provider redelivers, and the handling above is idempotent.
      if (err instanceof RetryLater) wlog.info({ reason: err.message }, "webhook deferred");
      else wlog.error({ err }, "webhook handling failed");
      return answer(res, 500, { error: "try again" });
    }
  };
}
