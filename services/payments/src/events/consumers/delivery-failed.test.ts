import { randomBytes } from "node:crypto";
import { type Envelope, EVENTS_STREAM } from "@tx/api-contracts";
import { buildEnvelope, createLogger, RetryLater } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const oid = () => randomBytes(12).toString("hex");
// Loaded after the environment is set: the modules read their configuration on import.
let onDeliveryFailed: typeof import("./delivery-failed")["onDeliveryFailed"];

beforeAll(async () => {
  Object.assign(process.env, infra.infra.urls, {
    PORT: "0",
    AUTH_JWKS_URL: "http://127.0.0.1:1/jwks",
    LOG_LEVEL: "silent",
  });
  conn = await connectServiceForTest("payments", infra.infra.urls);
  ({ onDeliveryFailed } = await import("./delivery-failed"));
});
afterAll(async () => conn.close());

/** A paid order, as the sandbox leaves it: an intent that succeeded, a payment recorded so. */
async function paidOrder(recorded = true) {
  const { paidOrder: paid } = await import("../../ledger-fixtures");
  return paid(
    12_000,
    "GBP",
    new Date(Date.now() + 86_400_000),
    recorded ? "succeeded" : "processing",
  );
}

const failed = (orderId: string) =>
  buildEnvelope("delivery.failed", {
    orderId,
    ticketId: oid(),
    buyerId: oid(),
    sellerId: oid(),
    price: { amount: 12_000, currency: "GBP" },
    at: new Date().toISOString(),
    reason: "not_transferred",
    deadline: new Date().toISOString(),
  });

async function refundEvents(orderId: string) {
  const consumer = await conn.bus.js.consumers.get(EVENTS_STREAM, {
    filter_subjects: ["payment.refunded"],
  });
  const found: Envelope<"payment.refunded">[] = [];
  for (;;) {
    const msg = await consumer.next({ expires: 1_000 });
    if (!msg) break;
    const e = msg.json<Envelope<"payment.refunded">>();
    if (e.data.orderId === orderId) found.push(e);
    if (msg.info.pending === 0) break;
  }
  await consumer.delete().catch(() => undefined);
  return found;
}

describe("a transfer that missed its deadline", () => {
  it("refunds the buyer in full, once, however often and however concurrently it arrives", async () => {
    const { PaymentModel } = await import("../../models/payment");
    const orderId = await paidOrder();
    const event = failed(orderId);
    const results = await Promise.allSettled([1, 2, 3].map(() => onDeliveryFailed(event, log)));
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RetryLater);
    }
    await onDeliveryFailed(event, log);
    await onDeliveryFailed(failed(orderId), log); // the same fact under another event id
    const payment = await PaymentModel.findOne({ orderId }).lean();
    expect(payment).toMatchObject({ status: "refunded", refundId: expect.stringMatching(/^re_/) });
    const refunds = await refundEvents(orderId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.data).toMatchObject({
      orderId,
      amount: 12_000,
      currency: "GBP",
      reason: "delivery_failed",
    });
  });

  it("waits for a payment not yet recorded as succeeded, then refunds it", async () => {
    const { PaymentModel } = await import("../../models/payment");
    const orderId = await paidOrder(false);
    await expect(onDeliveryFailed(failed(orderId), log)).rejects.toBeInstanceOf(RetryLater);
    await PaymentModel.updateOne({ orderId }, { $set: { status: "succeeded" } });
    await onDeliveryFailed(failed(orderId), log);
    expect(await PaymentModel.findOne({ orderId }).lean()).toMatchObject({ status: "refunded" });
  });
});
