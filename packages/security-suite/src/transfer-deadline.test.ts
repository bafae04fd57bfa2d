import type { AuthSession, Listing } from "@tx/api-contracts";
import type { OrdersRouter } from "@tx/orders/router";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  listMessages,
  listTicket,
  readMessage,
  registerUsers,
  type Stack,
  serviceClient,
  startPurchaseStack,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import type { TicketsRouter } from "@tx/tickets/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buy } from "./fixtures";

/*
 * A transfer listing from sale to its end, through the six services as they run: the
 * seller reports it and the buyer confirms; the buyer disputes it; or nobody reports it and
 * the deadline (seconds here, 48 hours by default) refunds the buyer, with the emails.
 */
const TRANSFER_SECONDS = 20;
const infra = withInfra();
let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];
let next = 0;

beforeAll(async () => {
  stack = await startPurchaseStack(
    infra.infra,
    { DELIVERY_TRANSFER_HOURS: String(TRANSFER_SECONDS / 3600), DELIVERY_SWEEP_SECONDS: "1" },
    ["auth", "tickets", "orders", "payments", "expiration", "notifications"],
  );
  [seller, ...buyers] = (await registerUsers(stack, "transfer", 4)) as [
    AuthSession,
    ...AuthSession[],
  ];
}, 180_000);
afterAll(async () => stack?.stop());

const tickets = (who: AuthSession) =>
  serviceClient<TicketsRouter>(stack.urls.tickets, who.accessToken);

/** A fresh transfer listing of the seller's, bought and paid for by a fresh buyer. */
async function sold(name: string) {
  const buyer = buyers[next++] as AuthSession;
  const listing: Listing = await listTicket(stack, seller, `${name} ${Date.now()}`);
  const order = await buy(stack, buyer, listing);
  return { buyer, listing, order };
}

/** The one email to `to` whose subject starts with `subject`, once Mailpit has it. */
async function emailTo(to: string, subject: string) {
  const url = infra.infra.urls.MAILPIT_URL;
  const found = await waitFor(
    `"${subject}" to ${to}`,
    async () => {
      const mine = (await listMessages(url)).filter(
        (m) => m.To.some((t) => t.Address === to) && m.Subject.startsWith(subject),
      );
      return mine.length > 0 ? mine : undefined;
    },
    { timeoutMs: 30_000 },
  );
  expect(found).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error("unreachable");
  return { subject: first.Subject, text: (await readMessage(url, first.ID)).Text };
}

describe("a transfer, end to end", () => {
  it("is requested of the seller by email, reported, announced to the buyer and confirmed", async () => {
    const { buyer, listing, order } = await sold("Reported");
    const requested = await tickets(buyer).delivery.forOrder.query({ orderId: order.id });
    expect(requested).toMatchObject({ method: "transfer", state: "transfer_requested" });
    const ask = await emailTo(seller.user.email, `Transfer your tickets: ${listing.eventName}`);
    expect(ask.text).toContain(buyer.user.email);

    await tickets(seller).delivery.reportTransfer.mutate({
      ticketId: listing.id,
      reference: "AXS 55-1021",
    });
    const told = await emailTo(
      buyer.user.email,
      `The seller has transferred your tickets: ${listing.eventName}`,
    );
    expect(told.text).toContain("AXS 55-1021");
    const confirmed = await tickets(buyer).delivery.confirm.mutate({ orderId: order.id });
    expect(confirmed).toMatchObject({ state: "confirmed", confirmedHow: "buyer_confirmed" });

    // Past the deadline the sweep leaves a reported transfer alone: the money stays paid.
    await new Promise((r) => setTimeout(r, (TRANSFER_SECONDS + 3) * 1000));
    const orders = serviceClient<OrdersRouter>(stack.urls.orders, buyer.accessToken);
    expect((await orders.get.query({ orderId: order.id })).status).toBe("complete");
    const payments = serviceClient<PaymentsRouter>(stack.urls.payments, buyer.accessToken);
    expect((await payments.get.query({ orderId: order.id })).status).toBe("succeeded");
  }, 90_000);

  it("can be disputed by the buyer once reported; the seller hears what went wrong", async () => {
    const { buyer, listing, order } = await sold("Disputed");
    await tickets(seller).delivery.reportTransfer.mutate({
      ticketId: listing.id,
      reference: "Sent in the venue's app",
    });
    const disputed = await tickets(buyer).delivery.reportProblem.mutate({
      orderId: order.id,
      problem: "Nothing arrived in my Ticketmaster app.",
    });
    expect(disputed.state).toBe("disputed");
    const notice = await emailTo(
      seller.user.email,
      `A buyer reported a problem: ${listing.eventName}`,
    );
    expect(notice.text).toContain("Nothing arrived in my Ticketmaster app.");
    // A disputed delivery can no longer be confirmed by the buyer or fail by the clock.
    const again = await answerOf(tickets(buyer).delivery.confirm.mutate({ orderId: order.id }));
    expect(again.error?.data?.code).toBe("CONFLICT");
  }, 90_000);

  it("missed by its deadline: failed, the buyer refunded in full, both told by email", async () => {
    const { buyer, listing, order } = await sold("Missed");
    const orders = serviceClient<OrdersRouter>(stack.urls.orders, buyer.accessToken);
    const payments = serviceClient<PaymentsRouter>(stack.urls.payments, buyer.accessToken);

    const refunded = await waitFor(
      "the order to be refunded",
      async () => {
        const o = await orders.get.query({ orderId: order.id });
        return o.status === "refunded" ? o : undefined;
      },
      { timeoutMs: (TRANSFER_SECONDS + 40) * 1000 },
    );
    expect(refunded.timeline.map((t) => t.status)).toEqual([
      "awaiting_payment",
      "complete",
      "refunded",
    ]);
    expect(refunded.timeline.at(-1)?.note).toBe(
      "The seller did not transfer the tickets by the deadline: refunded in full.",
    );
    expect(await payments.get.query({ orderId: order.id })).toMatchObject({
      status: "refunded",
      amount: order.total,
    });
    expect(await tickets(buyer).delivery.forOrder.query({ orderId: order.id })).toMatchObject({
      state: "failed",
    });

    const refund = await emailTo(buyer.user.email, "Your tickets did not arrive");
    expect(refund.subject).toBe("Your tickets did not arrive: you have been refunded");
    expect(refund.text).toContain("refunded $100.00");
    const cancelled = await emailTo(seller.user.email, `Sale cancelled: ${listing.eventName}`);
    expect(cancelled.subject).toBe(
      `Sale cancelled: ${listing.eventName} was not transferred in time`,
    );

    // Too late to report now.
    const late = await answerOf(
      tickets(seller).delivery.reportTransfer.mutate({ ticketId: listing.id, reference: "late" }),
    );
    expect(late.error?.message).toBe("The transfer deadline has passed: the buyer was refunded.");
  }, 120_000);
});
