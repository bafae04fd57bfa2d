import { randomUUID } from "node:crypto";
import { connectDatabase, createLogger, disconnectDatabase, RetryLater } from "@tx/service-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryModel, deliveryId } from "../models/delivery";
import { type ResendStub, startResendStub } from "../testing/resend-stub";
import { type DeliveryRequest, deliverOnce, SEND_LEASE_MS } from "./deliver";
import { createResendTransport } from "./resend";
import type { MailTransport } from "./transport";

const env = withInfra(["mongo"]);
const log = createLogger("test", "silent");
let stub: ResendStub;
let resend: MailTransport;

beforeAll(async () => {
  await connectDatabase(env.infra.urls.MONGO_URL, "tx_notifications");
  stub = await startResendStub();
  resend = createResendTransport({
    kind: "resend",
    apiKey: "re_test_not_a_real_key",
    baseUrl: stub.baseUrl,
    from: "Ticket Exchange <no-reply@ticket-exchange.test>",
  });
});
afterAll(async () => {
  await stub.close();
  await disconnectDatabase();
});

const request = (): DeliveryRequest => ({
  eventId: randomUUID(),
  kind: "order-confirmed",
  to: "buyer@example.com",
  render: async () => ({
    subject: "Order confirmed: The National",
    html: "<p>Yours</p>",
    text: "Yours",
  }),
});
const keyOf = (r: DeliveryRequest) => deliveryId(r.eventId, r.kind);
const requestsWith = (key: string) =>
  stub.requests.filter((r) => r.headers["idempotency-key"] === key);
const sentWith = (key: string) => stub.sent.filter((s) => s.idempotencyKey === key);

describe("one email per (event, kind)", () => {
  it("sends once however often the event is handled", async () => {
    const r = request();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await deliverOnce(resend, r, log));
    expect(outcomes).toEqual(["sent", "already-sent", "already-sent"]);
    expect(requestsWith(keyOf(r))).toHaveLength(1);
    expect(await DeliveryModel.findById(keyOf(r)).lean()).toMatchObject({
      status: "sent",
      attempts: 1,
      providerId: sentWith(keyOf(r))[0]?.id,
    });
  });

  it("lets exactly one of several concurrent handlers send", async () => {
    const r = request();
    stub.setDelay(300);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => deliverOnce(resend, r, log)));
    stub.setDelay(0);
    expect(results.filter((x) => x.status === "fulfilled" && x.value === "sent")).toHaveLength(1);
    for (const x of results) {
      if (x.status === "rejected") expect(x.reason).toBeInstanceOf(RetryLater);
    }
    expect(await deliverOnce(resend, r, log)).toBe("already-sent");
    expect(requestsWith(keyOf(r))).toHaveLength(1);
  });

  it("retries a failed send at once, with the same idempotency key", async () => {
    const r = request();
    stub.replyOnce(500, { statusCode: 500, name: "internal_server_error", message: "boom" });
    await expect(deliverOnce(resend, r, log)).rejects.toThrow(/internal_server_error/);
    expect(await DeliveryModel.findById(keyOf(r)).lean()).toMatchObject({
      status: "pending",
      lastError: expect.stringContaining("boom"),
    });
    expect(await deliverOnce(resend, r, log)).toBe("sent");
    expect(requestsWith(keyOf(r)).map((x) => x.headers["idempotency-key"])).toEqual([
      keyOf(r),
      keyOf(r),
    ]);
    expect(sentWith(keyOf(r))).toHaveLength(1);
  });

  it("does not send a second email when the provider accepted it but we failed to record it", async () => {
    const r = request();
    const diesAfterSending: MailTransport = {
      ...resend,
      send: async (mail, key) => {
        await resend.send(mail, key);
        throw new Error("process died before recording the send");
      },
    };
    await expect(deliverOnce(diesAfterSending, r, log)).rejects.toThrow(/process died/);
    expect(await deliverOnce(resend, r, log)).toBe("sent");
    expect(requestsWith(keyOf(r))).toHaveLength(2);
    // Resend saw the same key twice and sent one email.
    expect(sentWith(keyOf(r))).toHaveLength(1);
  });

  it("retakes a try that died mid-send only once its lease is over, with the same key", async () => {
    const r = request();
    const id = keyOf(r);
    // Try 1 was claimed by a handler that died while sending.
    await DeliveryModel.create({
      _id: id,
      eventId: r.eventId,
      kind: r.kind,
      to: r.to,
      status: "pending",
      transport: "resend",
      attempts: 1,
      sendingSince: new Date(),
    });
    await expect(deliverOnce(resend, r, log)).rejects.toBeInstanceOf(RetryLater);
    expect(requestsWith(id)).toHaveLength(0);

    await DeliveryModel.updateOne(
      { _id: id },
      { $set: { sendingSince: new Date(Date.now() - SEND_LEASE_MS - 1_000) } },
    );
    expect(await deliverOnce(resend, r, log)).toBe("sent");
    expect(requestsWith(id)).toHaveLength(1);
    expect(await DeliveryModel.findById(id).lean()).toMatchObject({
      status: "sent",
      attempts: 2,
      subject: "Order confirmed: The National",
    });
  });
});
