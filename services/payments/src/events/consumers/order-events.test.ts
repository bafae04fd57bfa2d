import { randomBytes } from "node:crypto";
import { buildEnvelope, createLogger, RetryLater } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderReplicaModel } from "../../models/order-replica";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const oid = () => randomBytes(12).toString("hex");
// Loaded after the environment is set: the module reads its configuration on import.
let consumers: typeof import("./order-events");

beforeAll(async () => {
  Object.assign(process.env, infra.infra.urls, {
    PORT: "0",
    AUTH_JWKS_URL: "http://127.0.0.1:1/jwks",
    // The sandbox posts webhooks to a service that is not running here: keep its retries quiet.
    LOG_LEVEL: "silent",
  });
  conn = await connectServiceForTest("payments", infra.infra.urls);
  consumers = await import("./order-events");
});
afterAll(async () => conn.close());

const created = (id: string) =>
  buildEnvelope("order.created", {
    id,
    version: 0,
    userId: oid(),
    status: "awaiting_payment",
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    ticket: {
      id: oid(),
      version: 0,
      price: { amount: 9_000, currency: "USD" },
      title: "Big Thief",
      eventDate: new Date(Date.now() + 864e6).toISOString(),
      venue: "Ryman",
      city: "Nashville",
      quantity: 2,
    },
  });
const cancelled = (id: string) =>
  buildEnvelope("order.cancelled", { id, version: 1, ticket: { id: oid() }, reason: "expired" });
const completed = (id: string) =>
  buildEnvelope("order.completed", { id, version: 1, ticket: { id: oid() } });

async function deliverAll(steps: (() => Promise<void>)[]) {
  let pending = steps;
  for (let pass = 0; pass < 5 && pending.length > 0; pass++) {
    const retry = [];
    for (const step of pending) {
      try {
        await step();
      } catch (err) {
        if (!(err instanceof RetryLater)) throw err;
        retry.push(step);
      }
    }
    pending = retry;
  }
  expect(pending).toHaveLength(0);
}

describe("the payments service's order replica", () => {
  it("ends cancelled with duplicated, out-of-order delivery", async () => {
    const id = oid();
    const c = created(id);
    const x = cancelled(id);
    await deliverAll([
      () => consumers.orderCancelledConsumer.handle(x, log),
      () => consumers.orderCreatedConsumer.handle(c, log),
      () => consumers.orderCreatedConsumer.handle(c, log),
      () => consumers.orderCancelledConsumer.handle(x, log),
      () => consumers.orderCancelledConsumer.handle(x, log),
    ]);
    expect(await OrderReplicaModel.findById(id).lean()).toMatchObject({
      status: "cancelled",
      cancelReason: "expired",
      version: 1,
      amount: 9_000,
    });
  });

  it("ends complete however often completion arrives", async () => {
    const id = oid();
    await deliverAll([
      () => consumers.orderCompletedConsumer.handle(completed(id), log),
      () => consumers.orderCreatedConsumer.handle(created(id), log),
      () => consumers.orderCompletedConsumer.handle(completed(id), log),
    ]);
    expect(await OrderReplicaModel.findById(id).lean()).toMatchObject({
      status: "complete",
      version: 1,
    });
  });
});

describe("a payment that succeeds just as its order is cancelled", () => {
  it.each([
    ["when payments reads its own payment.succeeded back", true],
    ["by the reconciler, after a crash", false],
  ])("is refunded %s", async (_, readBack) => {
    const { PaymentModel } = await import("../../models/payment");
    const { sandbox } = await import("../../gateway/index");
    const gateway = sandbox();
    if (!gateway) throw new Error("the tests run on the sandbox gateway");
    const id = oid();
    const order = created(id);
    await consumers.orderCreatedConsumer.handle(order, log);
    const intent = await gateway.createIntent({
      orderId: id,
      amount: 18_000,
      currency: "USD",
      idempotencyKey: `order-${id}`,
      description: "Big Thief",
    });
    await PaymentModel.create({
      _id: id,
      orderId: id,
      userId: order.data.userId,
      intentId: intent.id,
      mode: "sandbox",
      amount: 18_000,
      currency: "USD",
      status: "requires_payment_method",
    });
    await gateway.confirm(
      intent.id,
      { number: "4242424242424242", expiry: "12 / 40", cvc: "123" },
      {
        name: "Bea Buyer",
        line1: "1 Main St",
        line2: undefined,
        city: "Nashville",
        state: undefined,
        postalCode: "37203",
        country: "US",
      },
    );

    // The race: the cancellation lands while the payment is not yet recorded as succeeded
    // (nothing to refund then), and settling had read the order just before it.
    await consumers.orderCancelledConsumer.handle(cancelled(id), log);
    await PaymentModel.updateOne({ _id: id }, { $set: { status: "succeeded" } });

    const succeeded = buildEnvelope("payment.succeeded", {
      id: oid(),
      orderId: id,
      amount: 18_000,
      currency: "USD",
      providerRef: intent.id,
    });
    if (readBack) {
      await consumers.paymentSucceededConsumer.handle(succeeded, log);
      await consumers.paymentSucceededConsumer.handle(succeeded, log);
    } else {
      // The process died before the read-back: the reconciler (at start, then on a schedule) finds it.
      const { paymentsReconciler } = await import("../../reconcile/payments");
      const pass = async () => {
        const fixes: string[] = [];
        await paymentsReconciler().run({ log, fixed: (kind) => fixes.push(kind) });
        return fixes;
      };
      expect(await pass()).toContain("late_payment_refunded");
      expect(await pass()).not.toContain("late_payment_refunded");
    }
    const payment = await PaymentModel.findById(id).lean();
    expect(payment).toMatchObject({ status: "refunded" });
    expect(payment?.refundId).toMatch(/^re_/);
  });

  it("leaves a payment alone when its order is complete or still awaiting payment", async () => {
    const id = oid();
    await consumers.orderCreatedConsumer.handle(created(id), log);
    const succeeded = buildEnvelope("payment.succeeded", {
      id: oid(),
      orderId: id,
      amount: 18_000,
      currency: "USD",
      providerRef: "pi_none",
    });
    // No payment record is even looked at: nothing to refund while the order may still complete.
    await expect(
      consumers.paymentSucceededConsumer.handle(succeeded, log),
    ).resolves.toBeUndefined();
    await consumers.orderCompletedConsumer.handle(completed(id), log);
    await expect(
      consumers.paymentSucceededConsumer.handle(succeeded, log),
    ).resolves.toBeUndefined();
  });
});
