import { insertOnce, type Logger, RetryLater } from "@tx/service-kit";
import type { RenderedEmail } from "../emails/render";
import { DeliveryModel, deliveryId, type MailKind } from "../models/delivery";
import { attemptId, DeliveryAttemptModel } from "../models/delivery-attempt";
import type { MailTransport } from "./transport";

/** What a consumer needs to send mail: the transport and where links point. */
export type Mailer = { transport: MailTransport; webBaseUrl: string };

export type DeliveryRequest = {
  eventId: string;
  kind: MailKind;
  to: string;
  email: RenderedEmail;
};

/** Longer than any one send can take (transport timeouts are 15 to 25 s), so only a dead try is retaken. */
export const SEND_LEASE_MS = 60_000;

/**
 * Sends one email per (event, kind), however often and however concurrently the event
 * is delivered.
 *
 * 1. Insert the delivery (`pending`) under its deterministic id, once.
 * 2. Claim try n by inserting `<id>#n` (unique): of racing handlers exactly one sends; the
 *    others retry later and then find it sent.
 * 3. Send with the delivery id as the idempotency key, then record the outcome.
 *
 * A try that failed is followed by the next one at once. A try with no outcome (the process
 * died while sending, or between sending and recording) is retaken once its lease is over,
 * with the same key: Resend drops the repeat, so that crash costs nothing; SMTP has no
 * idempotency, so a crash after the relay accepted the mail gives at most one duplicate
 * (with the same Message-ID, which mail clients fold).
 */
export async function deliverOnce(
  transport: MailTransport,
  request: DeliveryRequest,
  log: Logger,
): Promise<"sent" | "already-sent"> {
  const { eventId, kind, to, email } = request;
  const id = deliveryId(eventId, kind);
  const created = await insertOnce(() =>
    DeliveryModel.create({
      _id: id,
      eventId,
      kind,
      to,
      subject: email.subject,
      status: "pending",
      transport: transport.kind,
    }),
  );
  if (!created) {
    const delivery = await DeliveryModel.findById(id, { status: 1 }).lean();
    if (delivery?.status === "sent") {
      log.info({ deliveryId: id, kind }, "email already sent");
      return "already-sent";
    }
  }

  // The attempts, not the summary above, are the truth: the summary is written after them.
  const last = await DeliveryAttemptModel.findOne({ deliveryId: id }, null, {
    sort: { n: -1 },
  }).lean();
  if (last?.outcome === "sent") {
    await DeliveryModel.updateOne({ _id: id }, { $set: { status: "sent" } });
    log.info({ deliveryId: id, kind }, "email already sent");
    return "already-sent";
  }
  if (last && !last.outcome) {
    const age = Date.now() - last.startedAt.getTime();
    if (age < SEND_LEASE_MS) throw new RetryLater(`try ${last.n} of ${id} is still sending`);
    log.warn({ deliveryId: id, attempt: last.n }, "a try died while sending; sending again");
  }
  const n = (last?.n ?? 0) + 1;
  const claimed = await insertOnce(() =>
    DeliveryAttemptModel.create({
      _id: attemptId(id, n),
      deliveryId: id,
      n,
      startedAt: new Date(),
    }),
  );
  if (!claimed) throw new RetryLater(`try ${n} of ${id} was claimed by another handler`);

  let providerId: string;
  try {
    ({ providerId } = await transport.send({ to, ...email }, id));
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    // The summary first: the next try is only claimed once this try has an outcome.
    await DeliveryModel.updateOne({ _id: id }, { $set: { attempts: n, lastError: error } });
    await DeliveryAttemptModel.updateOne(
      { _id: attemptId(id, n) },
      { $set: { outcome: "failed", error } },
    );
    throw err;
  }
  await DeliveryAttemptModel.updateOne({ _id: attemptId(id, n) }, { $set: { outcome: "sent" } });
  await DeliveryModel.updateOne(
    { _id: id },
    {
      $set: { status: "sent", attempts: n, providerId, sentAt: new Date() },
      $unset: { lastError: 1 },
    },
  );
  log.info(
    { deliveryId: id, kind, attempt: n, transport: transport.kind, providerId },
    "email sent",
  );
  return "sent";
}
