import { randomBytes, randomUUID } from "node:crypto";
import { type Envelope, EVENTS_STREAM, type RefundReason, type Subject } from "@tx/api-contracts";
import {
  buildEnvelope,
  createLogger,
  durableName,
  type EventBus,
  RetryLater,
} from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { listMessages, readMessage, waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mailer } from "../../mail/deliver";
import { createSmtpTransport } from "../../mail/smtp";
import type { MailTransport } from "../../mail/transport";
import { DeliveryModel, deliveryId } from "../../models/delivery";
import { orderCreatedConsumer } from "./order-created";
import { paymentRefundedConsumer } from "./payment-refunded";
import { onPaymentSucceeded, paymentSucceededConsumer } from "./payment-succeeded";
import { userRegisteredConsumer } from "./user-registered";

const env = withInfra(["mongo", "nats", "mail"]);
const log = createLogger("test", "silent");
const subjects: Subject[] = [
  "user.registered",
  "order.created",
  "payment.succeeded",
  "payment.refunded",
];
/** Recipients whose mail the transport refuses, as a relay does for a mailbox that is full. */
const refused = new Set<string>();
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
let bus: EventBus;
let smtp: MailTransport;
let mailer: Mailer;

beforeAll(async () => {
  conn = await connectServiceForTest("notifications", env.infra.urls);
  bus = conn.bus;
  smtp = createSmtpTransport({
    kind: "smtp",
    host: env.infra.urls.SMTP_HOST,
    port: Number(env.infra.urls.SMTP_PORT),
    from: "Ticket Exchange <no-reply@ticket-exchange.local>",
  });
  const transport: MailTransport = {
    ...smtp,
    send: async (mail, key) => {
      if (refused.has(mail.to)) throw new Error(`452 mailbox of ${mail.to} is full`);
      return smtp.send(mail, key);
    },
  };
  mailer = { transport, webBaseUrl: "https://tickets.example" };
  await bus.consume(userRegisteredConsumer(mailer));
  await bus.consume(orderCreatedConsumer);
  await bus.consume(paymentSucceededConsumer(mailer));
  await bus.consume(paymentRefundedConsumer(mailer));
});
afterAll(async () => {
  await conn.close();
  await smtp.close();
});

const oid = () => randomBytes(12).toString("hex");

/** A buyer, an order and its events, with an address unique to the test. */
function purchase(label: string, total = 123_450) {
  const buyer = { id: oid(), email: `${label}-${oid().slice(0, 8)}@example.com`, name: "Ada" };
  const orderId = oid();
  const title = `The National (${label})`;
  return {
    buyer,
    orderId,
    title,
    registered: buildEnvelope("user.registered", buyer),
    created: buildEnvelope("order.created", {
      id: orderId,
      version: 0,
      userId: buyer.id,
      status: "awaiting_payment",
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      ticket: {
        id: oid(),
        price: { amount: total, currency: "USD" },
        title,
        eventDate: "2027-03-14T20:00:00.000Z",
        venue: "Roundhouse",
        city: "London",
        quantity: 2,
        timeZone: "Europe/London",
      },
    }),
    paid: buildEnvelope("payment.succeeded", {
      id: oid(),
      orderId,
      amount: total,
      currency: "USD",
      providerRef: `pi_${oid()}`,
    }),
    refunded: (reason: RefundReason) =>
      buildEnvelope("payment.refunded", {
        id: oid(),
        orderId,
        amount: total,
        currency: "USD",
        reason,
      }),
  };
}

async function publish(...envelopes: Envelope[]) {
  for (const e of envelopes) await bus.publish(e);
}

async function mailTo(address: string, subjectPrefix?: string) {
  const all = await listMessages(env.infra.urls.MAILPIT_URL);
  return all.filter(
    (m) =>
      m.To.some((t) => t.Address === address) &&
      (!subjectPrefix || m.Subject.startsWith(subjectPrefix)),
  );
}

async function firstMailTo(address: string, subjectPrefix: string) {
  return waitFor(
    `"${subjectPrefix}" to ${address} in Mailpit`,
    async () => (await mailTo(address, subjectPrefix))[0],
    { timeoutMs: 20_000 },
  );
}

/** Every consumer has acknowledged everything it was given: no retry is still to come. */
async function settled() {
  await waitFor(
    "the consumers to settle",
    async () => {
      for (const subject of subjects) {
        const info = await bus.jsm.consumers.info(
          EVENTS_STREAM,
          durableName("notificationstest", subject),
        );
        if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
      }
      return true;
    },
    { timeoutMs: 20_000 },
  );
}

describe("order emails through the bus, to Mailpit", () => {
  it("a purchase produces one confirmation with the event, the amount and the order number", async () => {
    const p = purchase("buy");
    await publish(p.registered, p.created, p.paid);
    const summary = await firstMailTo(p.buyer.email, "Order confirmed");
    expect(summary.Subject).toBe(`Order confirmed: ${p.title}`);
    const message = await readMessage(env.infra.urls.MAILPIT_URL, summary.ID);
    for (const part of [message.Text, message.HTML]) {
      expect(part).toContain(p.title);
      expect(part).toContain("$1,234.50");
      expect(part).toContain(p.orderId);
      expect(part).toContain(`https://tickets.example/orders/${p.orderId}`);
    }
    await settled();
    expect(await mailTo(p.buyer.email, "Order confirmed")).toHaveLength(1);
    expect(await mailTo(p.buyer.email, "Welcome")).toHaveLength(1);
  });

  it("a late payment's refund produces one refund notice saying the hold had expired", async () => {
    const p = purchase("late", 5_000);
    await publish(p.registered, p.created, p.refunded("order_expired"));
    const summary = await firstMailTo(p.buyer.email, "Refund issued");
    const message = await readMessage(env.infra.urls.MAILPIT_URL, summary.ID);
    expect(message.Text).toContain("We refunded $50.00");
    expect(message.Text).toContain("your hold on the tickets had expired");
    await settled();
    expect(await mailTo(p.buyer.email, "Refund issued")).toHaveLength(1);
    expect(await mailTo(p.buyer.email, "Order confirmed")).toHaveLength(0);
  });

  it("the same event delivered three times produces one email", async () => {
    const p = purchase("thrice");
    await publish(p.registered, p.created);
    // Three copies on the stream: distinct Nats-Msg-Ids get past its duplicate window.
    for (let i = 0; i < 3; i++) {
      await bus.js.publish(p.paid.type, JSON.stringify(p.paid), { msgID: randomUUID() });
    }
    await firstMailTo(p.buyer.email, "Order confirmed");
    await settled();
    expect(await mailTo(p.buyer.email, "Order confirmed")).toHaveLength(1);

    // And three handlers at once, as two replicas and a redelivery could be.
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => onPaymentSucceeded(mailer, p.paid, log)),
    );
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RetryLater);
    }
    expect(await mailTo(p.buyer.email, "Order confirmed")).toHaveLength(1);
  });

  it("with Mailpit stopped, the email arrives once it is back", async () => {
    const p = purchase("outage");
    await publish(p.registered, p.created);
    await firstMailTo(p.buyer.email, "Welcome");
    await settled();
    await env.infra.kill("mail");
    try {
      await publish(p.paid);
      await waitFor(
        "a failed attempt while Mailpit is down",
        async () =>
          (await DeliveryModel.findById(deliveryId(p.paid.id, "order-confirmed")).lean())
            ?.lastError,
        { timeoutMs: 15_000 },
      );
    } finally {
      await env.infra.start("mail");
    }
    await firstMailTo(p.buyer.email, "Order confirmed");
    await settled();
    expect(await mailTo(p.buyer.email, "Order confirmed")).toHaveLength(1);
    expect(
      await DeliveryModel.findById(deliveryId(p.paid.id, "order-confirmed")).lean(),
    ).toMatchObject({ status: "sent", attempts: expect.any(Number) });
  });

  it("a mail that keeps failing does not hold up the others", async () => {
    const stuck = purchase("stuck");
    const other = purchase("other");
    refused.add(stuck.buyer.email);
    await publish(stuck.registered, stuck.created, other.registered, other.created);
    await publish(stuck.paid, other.paid);
    await waitFor(
      "the refused mail to fail",
      async () =>
        (await DeliveryModel.findById(deliveryId(stuck.paid.id, "order-confirmed")).lean())
          ?.lastError,
      { timeoutMs: 15_000 },
    );
    await firstMailTo(other.buyer.email, "Order confirmed");
    expect(await mailTo(stuck.buyer.email)).toHaveLength(0);
    // The mailbox frees up: the retried mail goes out, once.
    refused.delete(stuck.buyer.email);
    await firstMailTo(stuck.buyer.email, "Order confirmed");
    await settled();
    expect(await mailTo(stuck.buyer.email, "Order confirmed")).toHaveLength(1);
    expect(await mailTo(stuck.buyer.email, "Welcome")).toHaveLength(1);
  });

  it("a payment that arrives before its order still ends with one email", async () => {
    const p = purchase("early");
    await expect(onPaymentSucceeded(mailer, p.paid, log)).rejects.toBeInstanceOf(RetryLater);
    await publish(p.paid);
    await waitFor(
      "the payment to be retried for want of its order",
      async () =>
        (
          await bus.jsm.consumers.info(
            EVENTS_STREAM,
            durableName("notificationstest", "payment.succeeded"),
          )
        ).num_redelivered > 0,
      { timeoutMs: 10_000 },
    );
    await publish(p.created, p.registered);
    await firstMailTo(p.buyer.email, "Order confirmed");
    await settled();
    expect(await mailTo(p.buyer.email, "Order confirmed")).toHaveLength(1);
  });
});
