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
