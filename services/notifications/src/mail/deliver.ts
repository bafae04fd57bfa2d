import { insertOnce, type Logger, RetryLater } from "@tx/service-kit";
import type { RenderedEmail } from "../emails/render";
import { type Delivery, DeliveryModel, deliveryId, type MailKind } from "../models/delivery";
import type { MailTransport } from "./transport";

/** What a consumer needs to send mail: the transport and where links point. */
export type Mailer = { transport: MailTransport; webBaseUrl: string };

export type DeliveryRequest = {
  eventId: string;
  kind: MailKind;
  to: string;
  /** Rendered only by the handler that sends: a repeat of a sent email renders nothing. */
  render: () => Promise<RenderedEmail>;
};

/** Longer than any one send can take (transport timeouts are 15 to 25 s), so only a dead try is retaken. */
export const SEND_LEASE_MS = 60_000;

/**
 * Sends one email per (event, kind), however often and however concurrently the event
 * is delivered. The delivery document (its _id is `<eventId>.<kind>`) is also the lock:
 *
 * 1. The first handler inserts it with try 1 claimed (`sendingSince`); a unique _id lets
 *    exactly one insert through.
 * 2. Any other handler reads it: sent, or a try still within its lease, means nothing to do
 *    (or retry later); otherwise it claims the next try by a conditional update on the try
 *    count, which exactly one of racing handlers wins (atomic on MongoDB, and on FerretDB
 *    with our atomic-writes patch).
 * 3. The winner renders, sends with the delivery id as the idempotency key, and records the
 *    outcome; a failed try releases the claim, so the next one follows at once.
 *
 * A try with no outcome (the process died while sending, or between sending and recording)
 * is retaken once its lease is over, with the same key: Resend drops the repeat, so that
 * crash costs nothing; SMTP has no idempotency, so a crash after the relay accepted the mail
 * gives at most one duplicate (with the same Message-ID, which mail clients fold).
 * The usual path is two commands: the insert and the outcome.
 */
export async function deliverOnce(
  transport: MailTransport,
  request: DeliveryRequest,
  log: Logger,
): Promise<"sent" | "already-sent"> {
  const { eventId, kind, to } = request;
  const id = deliveryId(eventId, kind);
  const claimedAt = new Date();
  let n = 1;
  const inserted = await insertOnce(() =>
    DeliveryModel.create({
      _id: id,
      eventId,
      kind,
      to,
      status: "pending",
      transport: transport.kind,
      attempts: 1,
      sendingSince: claimedAt,
    }),
  );
  if (!inserted) {
    const delivery = await DeliveryModel.findById(id).lean<Delivery>();
    if (!delivery) throw new RetryLater(`delivery ${id} vanished`);
    if (delivery.status === "sent") {
      log.info({ deliveryId: id, kind }, "email already sent");
      return "already-sent";
    }
    if (delivery.sendingSince) {
      const age = claimedAt.getTime() - delivery.sendingSince.getTime();
      if (age < SEND_LEASE_MS) {
        throw new RetryLater(`try ${delivery.attempts} of ${id} is still sending`);
      }
      log.warn(
        { deliveryId: id, attempt: delivery.attempts },
        "a try died while sending; sending again",
      );
    }
    n = delivery.attempts + 1;
    const claimed = await DeliveryModel.updateOne(
      { _id: id, status: "pending", attempts: delivery.attempts },
      { $set: { attempts: n, sendingSince: claimedAt } },
    );
    if (claimed.modifiedCount !== 1) {
      throw new RetryLater(`try ${n} of ${id} was claimed by another handler`);
    }
  }

  let providerId: string;
  let subject: string | undefined;
  try {
    const email = await request.render();
    subject = email.subject;
    ({ providerId } = await transport.send({ to, ...email }, id));
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    await DeliveryModel.updateOne(
      { _id: id, attempts: n },
      { $set: { lastError: error, ...(subject ? { subject } : {}) }, $unset: { sendingSince: 1 } },
    );
    throw err;
  }
  await DeliveryModel.updateOne(
    { _id: id },
    {
      $set: { status: "sent", subject, providerId, sentAt: new Date() },
      $unset: { lastError: 1, sendingSince: 1 },
    },
  );
  log.info(
    { deliveryId: id, kind, attempt: n, transport: transport.kind, providerId },
    "email sent",
  );
  return "sent";
}
