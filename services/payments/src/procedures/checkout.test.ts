import type { AuthSession, Order } from "@tx/api-contracts";
import {
  answerOf,
  holdListing,
  orderOf,
  ordersSteps,
  registerUsers,
  type Stack,
  serviceClient,
  startPurchaseStack,
  ticketStatus,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../gateway/stripe";
import type { PaymentsRouter } from "../trpc/router";

const HOLD_SECONDS = 8;
const infra = withInfra(["mongo", "nats", "redis"]);
let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];
let next = 0;

const billing = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  line2: "",
  city: "London",
  state: "",
  postalCode: "SW1Y 4JH",
  country: "gb",
};
const card = (number: string) => ({ number, expiry: "12 / 34", cvc: "123" });

beforeAll(async () => {
  stack = await startPurchaseStack(infra.infra, { ORDER_HOLD_SECONDS: String(HOLD_SECONDS) }, [
    "auth",
    "tickets",
    "orders",
    "payments",
    "expiration",
  ]);
  [seller, ...buyers] = (await registerUsers(stack, "pay", 12)) as [AuthSession, ...AuthSession[]];
}, 120_000);
afterAll(async () => stack?.stop());

/** The payments service as `who` calls it (anonymous without a session). */
const paymentsAs = (who?: AuthSession) =>
  serviceClient<PaymentsRouter>(stack.urls.payments, who?.accessToken);

/** A fresh listing held by a fresh buyer, with the payment started. */
async function checkout(name: string) {
  const buyer = buyers[next++] as AuthSession;
  const { listing, order } = await holdListing(stack, seller, buyer, name);
  const session = await waitFor("the payments replica to know the order", async () => {
    const res = await answerOf(paymentsAs(buyer).start.mutate({ orderId: order.id }));
    return res.data;
  });
  return { buyer, listing, order, session };
}

const pay = (buyer: AuthSession, orderId: string, number: string) =>
  answerOf(paymentsAs(buyer).sandbox.confirm.mutate({ orderId, card: card(number), billing }));

async function orderBecomes(buyer: AuthSession, orderId: string, status: Order["status"]) {
  return waitFor(
    `order ${orderId} to be ${status}`,
    async () => {
      const o = await orderOf(stack, buyer, orderId);
      return o?.status === status ? o : undefined;
    },
    { timeoutMs: 20_000 },
  );
}

describe("checkout with the sandbox gateway", () => {
  it("charges the order's own amount, completes the order and sells the listing", async () => {
    const { buyer, listing, order, session } = await checkout("Success");
    expect(session).toMatchObject({
      mode: "sandbox",
      amount: order.total,
      status: "requires_payment_method",
    });
    const paid = await pay(buyer, order.id, "4242 4242 4242 4242");
    expect(paid.data).toMatchObject({
      status: "succeeded",
      billingName: "Ada Lovelace",
      lastError: null,
    });
    const complete = await orderBecomes(buyer, order.id, "complete");
    expect(complete.timeline.map((t) => t.status)).toEqual(["awaiting_payment", "complete"]);
    await waitFor(
      "the listing to be sold",
      async () => (await ticketStatus(stack, listing.id)) === "sold",
    );
  });

  it("shows a decline, then takes another card", async () => {
    const { buyer, order } = await checkout("Decline");
    const declined = await pay(buyer, order.id, "4000 0000 0000 0002");
    expect(declined.data).toMatchObject({
      status: "requires_payment_method",
      lastError: "Your card was declined.",
    });
    expect((await orderOf(stack, buyer, order.id))?.status).toBe("awaiting_payment");
    const paid = await pay(buyer, order.id, "4242424242424242");
    expect(paid.data?.status).toBe("succeeded");
    await orderBecomes(buyer, order.id, "complete");
  });

  it("asks for 3-D Secure; a failed challenge charges nothing, a completed one pays", async () => {
    const { buyer, order } = await checkout("3DS");
    const challenged = await pay(buyer, order.id, "4000 0027 6000 3184");
    expect(challenged.data).toMatchObject({ status: "requires_action", requiresAction: true });
    const failed = await answerOf(
      paymentsAs(buyer).sandbox.authenticate.mutate({ orderId: order.id, outcome: "fail" }),
    );
    expect(failed.data?.status).toBe("requires_payment_method");
    expect(failed.data?.lastError).toMatch(/could not authenticate/);
    expect((await orderOf(stack, buyer, order.id))?.status).toBe("awaiting_payment");
    await pay(buyer, order.id, "4000 0027 6000 3184");
    const passed = await answerOf(
      paymentsAs(buyer).sandbox.authenticate.mutate({ orderId: order.id, outcome: "complete" }),
    );
    expect(passed.data?.status).toBe("succeeded");
    await orderBecomes(buyer, order.id, "complete");
  });

  it("ignores an amount or another order id sent by the browser", async () => {
    const { buyer, order } = await checkout("Tamper");
    // Extra fields a tampered browser might send; the typed client would refuse to send them.
    const tamperedInput = { orderId: order.id, amount: 1, currency: "EUR" };
    const tampered = await answerOf(paymentsAs(buyer).start.mutate(tamperedInput));
    expect(tampered.data?.amount).toEqual(order.total);
    const other = await checkout("Someone else's");
    expect((await pay(buyer, other.order.id, "4242424242424242")).status).toBe(404);
    expect((await orderOf(stack, other.buyer, other.order.id))?.status).toBe("awaiting_payment");
  });

  it("refuses another user and an anonymous caller", async () => {
    const { order } = await checkout("Private");
    const intruder = buyers.at(-1) as AuthSession;
    expect((await answerOf(paymentsAs(intruder).start.mutate({ orderId: order.id }))).status).toBe(
      404,
    );
    expect((await answerOf(paymentsAs(intruder).get.query({ orderId: order.id }))).status).toBe(
      404,
    );
    expect((await answerOf(paymentsAs().start.mutate({ orderId: order.id }))).status).toBe(401);
  });
});

describe("webhooks", () => {
  const post = (body: string, signature?: string) =>
    fetch(`${stack.urls.payments}/webhooks/stripe`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signature ? { "stripe-signature": signature } : {}),
      },
      body,
    });

  it("refuses a bad or missing signature with 400 and changes nothing", async () => {
    const { buyer, order, session } = await checkout("Forged webhook");
    const body = JSON.stringify({
      id: "evt_forged",
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: session.intentId } },
    });
    expect((await post(body)).status).toBe(400);
    expect((await post(body, signWebhook(body, "whsec_not_ours"))).status).toBe(400);
    expect((await post(body, "t=1,v1=deadbeef")).status).toBe(400);
    expect((await orderOf(stack, buyer, order.id))?.status).toBe("awaiting_payment");
  });

  it("handles the same event twice as once", async () => {
    const { buyer, order, session } = await checkout("Twice");
    await pay(buyer, order.id, "4242424242424242");
    const body = JSON.stringify({
      id: `evt_dup_${order.id}`,
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: session.intentId } },
    });
    const secret = "whsec_sandbox_local_only";
    const first = await post(body, signWebhook(body, secret));
    const second = await post(body, signWebhook(body, secret));
    expect(first.status).toBe(200);
    expect(await second.json()).toEqual({ received: true, duplicate: true });
    const complete = await orderBecomes(buyer, order.id, "complete");
    expect(complete.timeline.filter((t) => t.status === "complete")).toHaveLength(1);
  });
});

describe("a payment for an order that has ended", () => {
  it("cannot happen: the intent is cancelled with the order, and the card is refused", async () => {
    const { buyer, listing, order } = await checkout("Too late");
    await orderBecomes(buyer, order.id, "cancelled");
    const canceled = await waitFor("the payment to be cancelled with its order", async () => {
      const p = await answerOf(paymentsAs(buyer).get.query({ orderId: order.id }));
      return p.data?.status === "canceled" ? p.data : undefined;
    });
    expect(canceled.lastError).toBeNull();
    const late = await pay(buyer, order.id, "4242424242424242");
    expect(late.status).toBe(409);
    expect(late.error?.message).toMatch(/hold on these tickets has ended/);
    expect((await orderOf(stack, buyer, order.id))?.status).toBe("cancelled");
    expect(await ticketStatus(stack, listing.id)).toBe("available");
  }, 40_000);

  it("a cancelled order's intent is cancelled at the provider even mid 3-D Secure", async () => {
    const { buyer, order } = await checkout("Cancelled mid 3DS");
    const challenged = await pay(buyer, order.id, "4000 0027 6000 3184");
    expect(challenged.data?.status).toBe("requires_action");
    await ordersSteps(stack.urls.orders, buyer.accessToken).cancel.mutate({ orderId: order.id });
    await waitFor("the payment to be cancelled", async () => {
      const p = await answerOf(paymentsAs(buyer).get.query({ orderId: order.id }));
      return p.data?.status === "canceled";
    });
    const answer = await answerOf(
      paymentsAs(buyer).sandbox.authenticate.mutate({ orderId: order.id, outcome: "complete" }),
    );
    expect(answer.status).toBe(409);
    expect((await orderOf(stack, buyer, order.id))?.status).toBe("cancelled");
  }, 40_000);
});
