import type { RefundReason } from "@tx/api-contracts";
import { buildEnvelope, createLogger, RetryLater } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderModel } from "../../models/order";
import { TicketReplicaModel } from "../../models/ticket-replica";
import { oid, writeOrder } from "../../testing/orders";
import { onExpirationCompleted } from "./expiration-completed";
import { onPaymentRefunded } from "./payment-refunded";
import { onPaymentSucceeded } from "./payment-succeeded";
import {
  ticketCreatedConsumer,
  ticketDeletedConsumer,
  ticketUpdatedConsumer,
} from "./ticket-replica";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");

beforeAll(async () => {
  conn = await connectServiceForTest("orders", infra.infra.urls);
});
afterAll(async () => conn.close());

const snapshot = (
  id: string,
  version: number,
  status: "available" | "reserved" | "sold",
  price = 5_000,
) => ({
  id,
  version,
  title: "Japanese Breakfast",
  price: { amount: price, currency: "USD" as const },
  quantity: 2,
  total: { amount: price * 2, currency: "USD" as const },
  eventDate: new Date(Date.now() + 864e6).toISOString(),
  venue: "Roundhouse",
  city: "London",
  timeZone: "Europe/London",
  sellerId: oid(),
  status,
});

async function replayAll(events: (() => Promise<void>)[]) {
  // Deliver until nothing is retried: what JetStream's redelivery does for us in production.
  let pending = [...events];
  for (let pass = 0; pass < 10 && pending.length > 0; pass++) {
    const retry: (() => Promise<void>)[] = [];
    for (const e of pending) {
      try {
        await e();
      } catch (err) {
        if (!(err instanceof RetryLater)) throw err;
        retry.push(e);
      }
    }
    pending = retry;
  }
  expect(pending).toHaveLength(0);
}

describe("the listing replica", () => {
  it("ends in the same state with duplicated, out-of-order delivery as with one ordered delivery", async () => {
    const id = oid();
    const created = buildEnvelope("ticket.created", snapshot(id, 0, "available"));
    const v1 = buildEnvelope("ticket.updated", snapshot(id, 1, "available", 4_000));
    const v2 = buildEnvelope("ticket.updated", snapshot(id, 2, "reserved", 4_000));
    const v3 = buildEnvelope("ticket.deleted", { id, version: 3 });
    const h = {
      c: () => ticketCreatedConsumer.handle(created, log),
      u1: () => ticketUpdatedConsumer.handle(v1, log),
      u2: () => ticketUpdatedConsumer.handle(v2, log),
      d: () => ticketDeletedConsumer.handle(v3, log),
    };
    await replayAll([h.d, h.u2, h.u1, h.u2, h.c, h.u1, h.c, h.d]);
    const replica = await TicketReplicaModel.findById(id).lean();
    expect(replica).toMatchObject({ version: 3, price: 4_000, status: "reserved", deleted: true });
  });
});

describe("order outcomes", () => {
  const order = (status: "awaiting_payment" | "complete" = "awaiting_payment") =>
    writeOrder(status, 60_000);
  const payment = (orderId: string) =>
    buildEnvelope("payment.succeeded", {
      id: oid(),
      orderId,
      amount: 5_000,
      currency: "USD",
      providerRef: "pi_1",
    });
  const expired = (orderId: string) => buildEnvelope("expiration.completed", { orderId });
  const refunded = (orderId: string, reason: RefundReason = "order_expired") =>
    buildEnvelope("payment.refunded", {
      id: oid(),
      orderId,
      amount: 5_000,
      currency: "USD",
      reason,
    });

  it("never cancels a paid order when its expiration arrives afterwards", async () => {
    const id = await order();
    await onPaymentSucceeded(payment(id), log);
    await onExpirationCompleted(expired(id), log);
    await onExpirationCompleted(expired(id), log);
    const now = await OrderModel.findById(id).lean();
    expect(now).toMatchObject({ status: "complete", version: 1, liveTicketId: now?.ticketId });
  });

  it("never completes an expired order: a late payment leaves it for refund, then refunded", async () => {
    const id = await order();
    await onExpirationCompleted(expired(id), log);
    await onPaymentSucceeded(payment(id), log);
    let now = await OrderModel.findById(id).lean();
    expect(now).toMatchObject({ status: "cancelled", cancelReason: "expired" });
    expect(now?.liveTicketId).toBeUndefined();
    await onPaymentRefunded(refunded(id), log);
    await onPaymentRefunded(refunded(id), log);
    now = await OrderModel.findById(id).lean();
    expect(now).toMatchObject({ status: "refunded", version: 2 });
    expect(now?.timeline.map((t) => t.status)).toEqual([
      "awaiting_payment",
      "cancelled",
      "refunded",
    ]);
  });

  it("ends a sale whose transfer never came refunded, once, and a late-payment refund does not touch a paid order", async () => {
    const id = await order();
    await onPaymentSucceeded(payment(id), log);
    // A refund for another reason leaves the paid order alone.
    await onPaymentRefunded(refunded(id, "order_expired"), log);
    expect(await OrderModel.findById(id).lean()).toMatchObject({ status: "complete" });
    const failed = refunded(id, "delivery_failed");
    await onPaymentRefunded(failed, log);
    await onPaymentRefunded(failed, log);
    await onPaymentRefunded(refunded(id, "delivery_failed"), log);
    const now = await OrderModel.findById(id).lean();
    expect(now).toMatchObject({ status: "refunded", version: 2 });
    expect(now?.liveTicketId).toBeUndefined();
    expect(now?.timeline.at(-1)?.note).toBe(
      "The seller did not transfer the tickets by the deadline: refunded in full.",
    );
    expect(now?.timeline.map((t) => t.status)).toEqual([
      "awaiting_payment",
      "complete",
      "refunded",
    ]);
  });

  it("waits with a failed delivery's refund until the order is complete", async () => {
    const id = await order();
    await expect(onPaymentRefunded(refunded(id, "delivery_failed"), log)).rejects.toBeInstanceOf(
      RetryLater,
    );
    await replayAll([
      () => onPaymentRefunded(refunded(id, "delivery_failed"), log),
      () => onPaymentSucceeded(payment(id), log),
    ]);
    expect(await OrderModel.findById(id).lean()).toMatchObject({ status: "refunded" });
  });

  it("applies a payment twice as once", async () => {
    const id = await order();
    await onPaymentSucceeded(payment(id), log);
    await onPaymentSucceeded(payment(id), log);
    const now = await OrderModel.findById(id).lean();
    expect(now?.timeline.filter((t) => t.status === "complete")).toHaveLength(1);
  });
});
