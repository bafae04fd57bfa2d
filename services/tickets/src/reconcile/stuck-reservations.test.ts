import type { OrderStatus } from "@tx/api-contracts";
import { buildEnvelope, createLogger } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderCompletedConsumer } from "../events/consumers/order-finished";
import { OrderReplicaModel } from "../models/order-replica";
import { TicketModel } from "../models/ticket";
import { oid, writeListing } from "../testing/tickets";
import { stuckReservations } from "./stuck-reservations";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const GRACE = 60;

beforeAll(async () => {
  conn = await connectServiceForTest("tickets", infra.infra.urls);
});
afterAll(async () => conn.close());

/** A listing reserved by `orderId`, last changed `ageSeconds` ago (written as a test can). */
async function reservedListing(orderId: string, ageSeconds = 600) {
  const id = await writeListing(orderId);
  await TicketModel.collection.updateOne(
    { _id: new Types.ObjectId(id) },
    { $set: { updatedAt: new Date(Date.now() - ageSeconds * 1000) } },
  );
  return id;
}

const settings = { transferHours: 48, transferCutoffMinutes: 60, confirmAfterEventHours: 24 };
const buyerId = oid();

async function replica(orderId: string, ticketId: string, status: OrderStatus, endsIn = 900) {
  await OrderReplicaModel.create({
    _id: orderId,
    ticketId,
    buyerId,
    version: status === "awaiting_payment" ? 0 : 1,
    status,
    expiresAt: new Date(Date.now() + endsIn * 1000),
  });
}

async function pass() {
  const fixes: string[] = [];
  await stuckReservations(GRACE, settings).run({ log, fixed: (kind) => fixes.push(kind) });
  return fixes;
}

const statusOf = async (id: string) => (await TicketModel.findById(id).lean())?.status;

describe("the stuck-reservations reconciler", () => {
  it("releases a listing reserved by an order that does not exist, once, with its event", async () => {
    const id = await reservedListing(oid());
    const young = await reservedListing(oid(), 5);
    expect(await pass()).toContain("reservation_without_order");
    const now = await TicketModel.findById(id).lean();
    expect(now).toMatchObject({ status: "available", version: 2 });
    expect(now?.orderId).toBeUndefined();
    // A reservation younger than the grace period may still be getting its order replica.
    expect(await statusOf(young)).toBe("reserved");
    expect(await pass()).not.toContain("reservation_without_order");
  });

  it("releases a listing whose order ended, sells one whose order completed, leaves a live hold", async () => {
    const [ended, sold, live, overdue] = [oid(), oid(), oid(), oid()];
    const t1 = await reservedListing(ended);
    const t2 = await reservedListing(sold);
    const t3 = await reservedListing(live);
    const t4 = await reservedListing(overdue);
    await replica(ended, t1, "cancelled");
    await replica(sold, t2, "complete");
    await replica(live, t3, "awaiting_payment");
    await replica(overdue, t4, "awaiting_payment", -3 * GRACE);
    const fixes = await pass();
    expect(fixes).toEqual(
      expect.arrayContaining([
        "reservation_of_ended_order",
        "sale_not_applied",
        "reservation_past_hold",
      ]),
    );
    expect(await statusOf(t1)).toBe("available");
    // The sale starts its delivery, as the missed order.completed would have.
    expect((await TicketModel.findById(t2).lean())?.delivery).toMatchObject({
      state: "transfer_requested",
      buyerId,
    });
    expect(await statusOf(t3)).toBe("reserved");
    expect(await statusOf(t4)).toBe("available");
  });

  it("still sells a released listing to its order when the completion arrives late", async () => {
    const orderId = oid();
    const ticketId = await reservedListing(orderId);
    await replica(orderId, ticketId, "awaiting_payment", -3 * GRACE);
    expect(await pass()).toContain("reservation_past_hold");
    expect(await statusOf(ticketId)).toBe("available");
    await orderCompletedConsumer(settings).handle(
      buildEnvelope("order.completed", { id: orderId, version: 1, ticket: { id: ticketId } }),
      log,
    );
    expect(await TicketModel.findById(ticketId).lean()).toMatchObject({
      status: "sold",
      orderId,
    });
  });
});
