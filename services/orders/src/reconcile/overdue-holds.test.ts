import { createLogger } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderModel } from "../models/order";
import { writeOrder } from "../testing/orders";
import { overdueHolds } from "./overdue-holds";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");

beforeAll(async () => {
  conn = await connectServiceForTest("orders", infra.infra.urls);
});
afterAll(async () => conn.close());

const order = (status: "awaiting_payment" | "complete", endedSecondsAgo: number) =>
  writeOrder(status, -endedSecondsAgo * 1000);

async function pass(graceSeconds: number) {
  const fixes: string[] = [];
  await overdueHolds(graceSeconds).run({ log, fixed: (kind) => fixes.push(kind) });
  return fixes;
}

describe("the overdue-holds reconciler", () => {
  it("cancels a hold overdue by more than the grace period, once, and frees its listing", async () => {
    const overdue = await order("awaiting_payment", 120);
    const recent = await order("awaiting_payment", 5);
    const paid = await order("complete", 120);
    const first = await pass(60);
    expect(first.filter((k) => k === "overdue_hold_cancelled").length).toBeGreaterThanOrEqual(1);
    expect(await OrderModel.findById(overdue).lean()).toMatchObject({
      status: "cancelled",
      cancelReason: "expired",
      version: 1,
    });
    expect((await OrderModel.findById(overdue).lean())?.liveTicketId).toBeUndefined();
    // Within the grace period the expiration service still decides; a paid order is never cancelled.
    expect((await OrderModel.findById(recent).lean())?.status).toBe("awaiting_payment");
    expect((await OrderModel.findById(paid).lean())?.status).toBe("complete");
    expect(await pass(60)).toEqual([]);
  });

  it("cancels each hold once when two replicas run it at the same moment", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => order("awaiting_payment", 300)));
    const [a, b] = await Promise.all([pass(60), pass(60)]);
    expect(a.length + b.length).toBe(5);
    for (const id of ids) {
      const o = await OrderModel.findById(id).lean();
      expect(o?.timeline.filter((t) => t.status === "cancelled")).toHaveLength(1);
    }
  });
});
