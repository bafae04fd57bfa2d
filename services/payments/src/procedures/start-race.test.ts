import { randomBytes } from "node:crypto";
import { type AuthedContext, buildEnvelope, createLogger } from "@tx/service-kit";
import { type connectServiceForTest, testContext } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderReplicaModel } from "../models/order-replica";
import { PaymentModel } from "../models/payment";
import { connectPaymentsForTest } from "../testing/env";

const infra = withInfra(["mongo", "nats", "redis"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const oid = () => randomBytes(12).toString("hex");
// Loaded after the environment is set: the modules read their configuration on import.
let consumers: typeof import("../events/consumers/order-events");
let start: typeof import("./start");
let gateways: typeof import("../gateway/index");
let record: typeof import("../domain/record-payment");

beforeAll(async () => {
  conn = await connectPaymentsForTest(infra.infra.urls);
  consumers = await import("../events/consumers/order-events");
  start = await import("./start");
  gateways = await import("../gateway/index");
  record = await import("../domain/record-payment");
});
afterAll(async () => conn.close());

function heldOrder(userId: string) {
  const id = oid();
  const created = buildEnvelope("order.created", {
    id,
    version: 0,
    userId,
    status: "awaiting_payment",
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    ticket: {
      id: oid(),
      version: 0,
      price: { amount: 7_500, currency: "USD" },
      title: "Wet Leg",
      eventDate: new Date(Date.now() + 864e6).toISOString(),
      venue: "Roundhouse",
      city: "London",
      quantity: 1,
    },
  });
  const cancelled = buildEnvelope("order.cancelled", {
    id,
    version: 1,
    ticket: { id: created.data.ticket.id },
    reason: "expired",
  });
  return { id, created, cancelled };
}

describe("payments.start racing the order's cancellation", () => {
  it("leaves no open intent when the order is cancelled while the intent is being made", async () => {
    const user = { id: oid(), email: "rae@example.com", name: "Rae" };
    const ctx = testContext(user) as AuthedContext;
    const order = heldOrder(user.id);
    await consumers.orderCreatedConsumer.handle(order.created, log);

    // The cancellation lands in the window between start's check of the order and its
    // write of the payment: while the provider makes the intent. Its consumer finds no
    // payment whose intent to cancel.
    const g = gateways.gateway();
    const createIntent = g.createIntent;
    g.createIntent = async (params) => {
      const intent = await createIntent.call(g, params);
      await consumers.orderCancelledConsumer.handle(order.cancelled, log);
      return intent;
    };
    try {
      await expect(start.startPayment(ctx, { orderId: order.id })).rejects.toThrow(
        "The hold on these tickets has ended.",
      );
    } finally {
      g.createIntent = createIntent;
    }

    // Nothing can be charged for the ended order: its intent was cancelled at the provider.
    const payment = await PaymentModel.findById(order.id).lean();
    expect(payment?.status).toBe("canceled");
    const intent = await g.cancelIntent(payment?.intentId ?? "");
    expect(intent.status).toBe("canceled");
  });

  it("still starts a payment for an order that stays held", async () => {
    const user = { id: oid(), email: "sam@example.com", name: "Sam" };
    const order = heldOrder(user.id);
    await consumers.orderCreatedConsumer.handle(order.created, log);
    const session = await start.startPayment(testContext(user) as AuthedContext, {
      orderId: order.id,
    });
    expect(session.status).toBe("requires_payment_method");
    expect(session.amount).toEqual({ amount: 7_500, currency: "USD" });
  });
});

describe("two settles of one payment racing across the hold's end", () => {
  const billing = {
    name: "Ada Lovelace",
    line1: "12 St James's Square",
    line2: "",
    city: "London",
    state: "",
    postalCode: "SW1Y 4JH",
    country: "gb",
  };

  /** A held order with its intent paid at the sandbox, and its payment as read before that. */
  async function paidAtProvider(name: string) {
    const user = { id: oid(), email: `${name}@example.com`, name };
    const order = heldOrder(user.id);
    await consumers.orderCreatedConsumer.handle(order.created, log);
    await start.startPayment(testContext(user) as AuthedContext, { orderId: order.id });
    const before = await PaymentModel.findById(order.id).lean();
    if (!before) throw new Error("no payment recorded");
    const sandbox = gateways.sandbox();
    if (!sandbox) throw new Error("the sandbox gateway is not configured");
    const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
    const intent = await sandbox.confirm(before.intentId, card, billing);
    expect(intent.status).toBe("succeeded");
    return { order, before, intent };
  }

  const holdEndsNow = (orderId: string) =>
    OrderReplicaModel.updateOne({ _id: orderId }, { $set: { expiresAt: new Date(0) } });

  it("keeps the money of a sale settled in time when a slower settle reads the hold as over", async () => {
    const { order, before, intent } = await paidAtProvider("Noor");
    // The webhook settles while the hold runs: payment.succeeded, and orders completes the sale.
    expect((await record.settleSucceeded(intent, log))?.status).toBe("succeeded");
    // A sync that read the payment before that write reads the order only after the hold
    // (and its grace) ended: its reading is older than the decision already made.
    await holdEndsNow(order.id);
    await record.settleSucceeded(intent, log, before);
    const payment = await PaymentModel.findById(order.id).lean();
    expect(payment?.status).toBe("succeeded");
    expect(payment?.refundId).toBeFalsy();
  });

  it("still refunds money that lands after the hold ended", async () => {
    const { order, intent } = await paidAtProvider("Omar");
    await holdEndsNow(order.id);
    await record.settleSucceeded(intent, log);
    const payment = await PaymentModel.findById(order.id).lean();
    expect(payment?.status).toBe("refunded");
    expect(payment?.refundId).toBeTruthy();
  });
});
