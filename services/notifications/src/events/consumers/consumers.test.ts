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
import { deliveryConsumers } from "./delivery";
import { ledgerConsumers } from "./ledger";
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
  "delivery.ready",
  "delivery.transfer_requested",
  "delivery.transferred",
  "delivery.failed",
  "delivery.disputed",
  "ledger.credited",
  "ledger.paid_out",
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
  for (const consumer of deliveryConsumers(mailer)) await bus.consume(consumer);
  for (const consumer of ledgerConsumers(mailer)) await bus.consume(consumer);
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
  const seller = {
    id: oid(),
    email: `${label}-seller-${oid().slice(0, 8)}@example.com`,
    name: "Sam",
  };
  const parties = {
    orderId,
    ticketId: oid(),
    buyerId: buyer.id,
    sellerId: seller.id,
    price: { amount: total, currency: "USD" as const },
    at: new Date().toISOString(),
  };
  return {
    buyer,
    seller,
    orderId,
    title,
    parties,
    registered: buildEnvelope("user.registered", buyer),
    sellerRegistered: buildEnvelope("user.registered", seller),
    created: buildEnvelope("order.created", {
      id: orderId,
      version: 0,
      userId: buyer.id,
      status: "awaiting_payment",
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      ticket: {
        id: oid(),
        version: 0,
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

describe("delivery emails through the bus, to Mailpit", () => {
  it("tells the buyer their e-tickets are ready, once", async () => {
    const p = purchase("ready");
    const ready = buildEnvelope("delivery.ready", { ...p.parties, files: 2 });
    await publish(ready, ready, p.sellerRegistered, p.registered, p.created);
    const summary = await firstMailTo(p.buyer.email, "Your tickets are ready to download");
    const message = await readMessage(env.infra.urls.MAILPIT_URL, summary.ID);
    expect(message.Text).toContain("The seller uploaded your 2 e-tickets");
    expect(message.Text).toContain(`https://tickets.example/orders/${p.orderId}`);
    await settled();
    expect(await mailTo(p.buyer.email, "Your tickets are ready")).toHaveLength(1);
  });

  it("whatever order the transfer's events arrive in, and however often, sends each email once", async () => {
    const p = purchase("transfer");
    const deadline = "2027-03-12T20:00:00.000Z";
    const requested = buildEnvelope("delivery.transfer_requested", { ...p.parties, deadline });
    const transferred = buildEnvelope("delivery.transferred", {
      ...p.parties,
      reference: "Ticketmaster transfer 55-1021",
    });
    // Reported before requested, each twice, before the order and the accounts are known.
    for (let i = 0; i < 3; i++) {
      await bus.js.publish(transferred.type, JSON.stringify(transferred), { msgID: randomUUID() });
    }
    await publish(requested, requested, p.created, p.registered, p.sellerRegistered);
    const toSeller = await firstMailTo(p.seller.email, "Transfer your tickets");
    expect(toSeller.Subject).toBe(`Transfer your tickets: ${p.title}`);
    // Times read with a narrow no-break space before AM/PM, as Intl writes them.
    const sellerText = (await readMessage(env.infra.urls.MAILPIT_URL, toSeller.ID)).Text.replace(
      /\u202f/g,
      " ",
    );
    expect(sellerText).toContain(p.buyer.email);
    expect(sellerText).toContain("Fri, Mar 12, 2027, 8:00 PM UTC");
    expect(sellerText).toContain("https://tickets.example/my-listings");
    const toBuyer = await firstMailTo(p.buyer.email, "The seller has transferred your tickets");
    expect((await readMessage(env.infra.urls.MAILPIT_URL, toBuyer.ID)).Text).toContain(
      "Ticketmaster transfer 55-1021",
    );
    await settled();
    expect(await mailTo(p.seller.email, "Transfer your tickets")).toHaveLength(1);
    expect(await mailTo(p.buyer.email, "The seller has transferred")).toHaveLength(1);
  });

  it("a missed deadline: the seller hears the sale is off, the buyer once the money is back", async () => {
    const p = purchase("missed", 9_000);
    const failed = buildEnvelope("delivery.failed", {
      ...p.parties,
      reason: "not_transferred",
      deadline: "2027-03-12T20:00:00.000Z",
    });
    const refund = p.refunded("delivery_failed");
    await publish(refund, failed, failed, p.registered, p.sellerRegistered, p.created, refund);
    const notice = await firstMailTo(p.seller.email, "Sale cancelled");
    expect(notice.Subject).toBe(`Sale cancelled: ${p.title} was not transferred in time`);
    const summary = await firstMailTo(p.buyer.email, "Your tickets did not arrive");
    expect(summary.Subject).toBe("Your tickets did not arrive: you have been refunded");
    const text = (await readMessage(env.infra.urls.MAILPIT_URL, summary.ID)).Text;
    expect(text).toContain("refunded $90.00");
    expect(text).toContain(p.title);
    await settled();
    expect(await mailTo(p.buyer.email, "Your tickets did not arrive")).toHaveLength(1);
    expect(await mailTo(p.buyer.email, "Refund issued")).toHaveLength(0);
    expect(await mailTo(p.seller.email, "Sale cancelled")).toHaveLength(1);
  });

  it("tells the seller when the buyer reports a problem", async () => {
    const p = purchase("problem");
    await publish(p.registered, p.sellerRegistered, p.created);
    await publish(
      buildEnvelope("delivery.disputed", { ...p.parties, problem: "The QR code will not scan." }),
    );
    const summary = await firstMailTo(p.seller.email, "A buyer reported a problem");
    expect((await readMessage(env.infra.urls.MAILPIT_URL, summary.ID)).Text).toContain(
      "The QR code will not scan.",
    );
  });
});

describe("seller emails from the ledger, to Mailpit", () => {
  const usd = (amount: number) => ({ amount, currency: "USD" as const });

  it("tells the seller a sale is credited, with price, fee and what they earn, once", async () => {
    const p = purchase("credited", 12_000);
    const credited = buildEnvelope("ledger.credited", {
      entryId: `credit:${p.orderId}`,
      orderId: p.orderId,
      ticketId: p.parties.ticketId,
      sellerId: p.seller.id,
      title: p.title,
      price: usd(12_000),
      fee: usd(1_200),
      net: usd(10_800),
      eventDate: "2027-03-14T20:00:00.000Z",
      at: new Date().toISOString(),
    });
    // Before the order and the seller's account are known, and twice.
    await publish(credited, credited, p.created, p.sellerRegistered);
    const summary = await firstMailTo(p.seller.email, "Your tickets sold");
    expect(summary.Subject).toBe(`Your tickets sold: ${p.title}, you earn $108.00`);
    const text = (await readMessage(env.infra.urls.MAILPIT_URL, summary.ID)).Text;
    expect(text).toContain("$120.00");
    expect(text).toContain("$12.00");
    expect(text).toContain("https://tickets.example/earnings");
    await settled();
    expect(await mailTo(p.seller.email, "Your tickets sold")).toHaveLength(1);
  });

  it("tells the seller a payout was sent, for how many sales, once", async () => {
    const p = purchase("paid-out");
    const paidOut = buildEnvelope("ledger.paid_out", {
      entryId: `payout:${p.seller.id}:USD:1`,
      sellerId: p.seller.id,
      amount: usd(19_440),
      orderIds: [oid(), oid()],
      mode: "sandbox",
      providerRef: "po_sandbox_1f2e3d",
      at: new Date().toISOString(),
    });
    await publish(paidOut, paidOut, p.sellerRegistered);
    const summary = await firstMailTo(p.seller.email, "Payout sent");
    expect(summary.Subject).toBe("Payout sent: $194.40");
    const text = (await readMessage(env.infra.urls.MAILPIT_URL, summary.ID)).Text;
    expect(text).toContain("for 2 sales");
    expect(text).toContain("po_sandbox_1f2e3d");
    await settled();
    expect(await mailTo(p.seller.email, "Payout sent")).toHaveLength(1);
  });
});
