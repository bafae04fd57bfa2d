import { buildEnvelope, createLogger, RetryLater } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TicketModel } from "../../models/ticket";
import { oid, writeListing } from "../../testing/tickets";
import { onOrderCreated } from "./order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./order-finished";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const settings = { transferHours: 48, transferCutoffMinutes: 60, confirmAfterEventHours: 24 };

beforeAll(async () => {
  conn = await connectServiceForTest("tickets", infra.infra.urls);
});
afterAll(async () => conn.close());

const listing = () => writeListing();

const created = (orderId: string, ticketId: string) =>
  buildEnvelope("order.created", {
    id: orderId,
    version: 0,
    userId: oid(),
    status: "awaiting_payment",
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    ticket: {
      id: ticketId,
      price: { amount: 12_000, currency: "USD" },
      title: "Khruangbin",
      eventDate: new Date(Date.now() + 864e5 * 20).toISOString(),
      venue: "Red Rocks",
      city: "Morrison",
      quantity: 2,
    },
  });
const cancelled = (orderId: string, ticketId: string) =>
  buildEnvelope("order.cancelled", {
    id: orderId,
    version: 1,
    ticket: { id: ticketId },
    reason: "expired",
  });
const completed = (orderId: string, ticketId: string) =>
  buildEnvelope("order.completed", { id: orderId, version: 1, ticket: { id: ticketId } });

const state = async (id: string) => {
  const t = await TicketModel.findById(id).lean();
  return { status: t?.status, orderId: t?.orderId, version: t?.version, pending: t?.outbox.length };
};

describe("order events reserve, release and sell the listing", () => {
  it("reserves once however often order.created arrives", async () => {
    const ticketId = await listing();
    const orderId = oid();
    for (let i = 0; i < 3; i++) await onOrderCreated(created(orderId, ticketId), log);
    expect(await state(ticketId)).toEqual({ status: "reserved", orderId, version: 1, pending: 0 });
  });

  it("releases on cancellation, once, and a new order can reserve it", async () => {
    const ticketId = await listing();
    const first = oid();
    await onOrderCreated(created(first, ticketId), log);
    for (let i = 0; i < 2; i++)
      await orderCancelledConsumer.handle(cancelled(first, ticketId), log);
    expect(await state(ticketId)).toMatchObject({
      status: "available",
      orderId: undefined,
      version: 2,
    });
    const second = oid();
    await onOrderCreated(created(second, ticketId), log);
    expect(await state(ticketId)).toMatchObject({
      status: "reserved",
      orderId: second,
      version: 3,
    });
  });

  it("marks it sold on completion", async () => {
    const ticketId = await listing();
    const orderId = oid();
    await onOrderCreated(created(orderId, ticketId), log);
    await orderCompletedConsumer(settings).handle(completed(orderId, ticketId), log);
    await orderCompletedConsumer(settings).handle(completed(orderId, ticketId), log);
    expect(await state(ticketId)).toMatchObject({ status: "sold", orderId, version: 2 });
  });

  it("retries a cancellation that arrives before its order, and ends in the same state", async () => {
    const ticketId = await listing();
    const orderId = oid();
    await expect(
      orderCancelledConsumer.handle(cancelled(orderId, ticketId), log),
    ).rejects.toBeInstanceOf(RetryLater);
    await onOrderCreated(created(orderId, ticketId), log);
    await orderCancelledConsumer.handle(cancelled(orderId, ticketId), log);
    expect(await state(ticketId)).toMatchObject({ status: "available", version: 2 });
  });

  it("waits while another order still holds the listing", async () => {
    const ticketId = await listing();
    const [a, b] = [oid(), oid()];
    await onOrderCreated(created(a, ticketId), log);
    await expect(onOrderCreated(created(b, ticketId), log)).rejects.toBeInstanceOf(RetryLater);
    await orderCancelledConsumer.handle(cancelled(a, ticketId), log);
    await onOrderCreated(created(b, ticketId), log);
    expect(await state(ticketId)).toMatchObject({ status: "reserved", orderId: b });
  });
});
