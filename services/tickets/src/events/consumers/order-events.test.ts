import { EVENTS_STREAM } from "@tx/api-contracts";
import { buildEnvelope, createLogger, RetryLater } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderReplicaModel } from "../../models/order-replica";
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

const created = (orderId: string, ticketId: string, listingVersion = 0) =>
  buildEnvelope("order.created", {
    id: orderId,
    version: 0,
    userId: oid(),
    status: "awaiting_payment",
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    ticket: {
      id: ticketId,
      version: listingVersion,
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

describe("a listing that changed is not reserved", () => {
  const lastRejection = async () =>
    (
      await conn.bus.jsm.streams.getMessage(EVENTS_STREAM, {
        last_by_subj: "ticket.reservation_rejected",
      })
    )?.json<{ id: string; data: Record<string, unknown> }>();

  it("rejects an order for a deleted listing, once however often it arrives", async () => {
    const ticketId = await listing();
    await TicketModel.updateOne({ _id: ticketId }, { $set: { deletedAt: new Date(), version: 1 } });
    const orderId = oid();
    await onOrderCreated(created(orderId, ticketId), log);
    const rejection = await lastRejection();
    expect(rejection?.data).toEqual({ orderId, ticketId, reason: "deleted", orderedVersion: 0 });
    await onOrderCreated(created(orderId, ticketId), log);
    expect((await lastRejection())?.id).toBe(rejection?.id);
    expect(await state(ticketId)).toMatchObject({ status: "available", orderId: undefined });
    expect(await OrderReplicaModel.findById(orderId).lean()).toMatchObject({ rejected: true });
  });

  it("rejects an order made before the seller's edit, with the listing as it is now", async () => {
    const ticketId = await listing();
    await TicketModel.updateOne(
      { _id: ticketId },
      { $set: { pricePerTicket: 7_000, version: 1, termsVersion: 1 } },
    );
    const orderId = oid();
    await onOrderCreated(created(orderId, ticketId, 0), log);
    expect((await lastRejection())?.data).toMatchObject({
      orderId,
      reason: "changed",
      orderedVersion: 0,
      listing: {
        version: 1,
        price: { amount: 7_000, currency: "USD" },
        total: { amount: 14_000, currency: "USD" },
      },
    });
    expect(await state(ticketId)).toMatchObject({ status: "available", version: 1 });
  });

  it("reserves an order made from the listing as it is, even if held and released since", async () => {
    const ticketId = await listing();
    await TicketModel.updateOne(
      { _id: ticketId },
      { $set: { pricePerTicket: 7_000, version: 1, termsVersion: 1 } },
    );
    const [first, second] = [oid(), oid()];
    await onOrderCreated(created(first, ticketId, 1), log);
    await orderCancelledConsumer.handle(cancelled(first, ticketId), log);
    // Made from version 1, after the edit: the hold and release since changed no terms.
    await onOrderCreated(created(second, ticketId, 1), log);
    expect(await state(ticketId)).toMatchObject({
      status: "reserved",
      orderId: second,
      version: 4,
    });
  });
});
