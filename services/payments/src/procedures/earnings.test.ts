import { createLogger } from "@tx/service-kit";
import { callerFor, type connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPaymentsForTest } from "../testing/env";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const HOUR = 3_600_000;
// Loaded after the environment is set: the modules read their configuration on import.
let ledger: typeof import("../domain/ledger");
let fixtures: typeof import("../ledger-fixtures");
let run: typeof import("../payouts/run");
let as: ReturnType<typeof callerFor<typeof import("../trpc/router")["paymentsRouter"]>>;

beforeAll(async () => {
  conn = await connectPaymentsForTest(infra.infra.urls, {
    PLATFORM_FEE_BPS: "1000",
    PAYOUT_HOLD_HOURS: "24",
    PAYOUT_MINIMUM: "100",
  });
  ledger = await import("../domain/ledger");
  fixtures = await import("../ledger-fixtures");
  run = await import("../payouts/run");
  as = callerFor((await import("../trpc/router")).paymentsRouter);
});
afterAll(async () => conn.close());

const user = (name: string) => ({ id: fixtures.oid(), email: `${name}@example.com`, name });

async function sale(sellerId: string, price: number, hoursAgo: number, confirm: boolean) {
  const orderId = await fixtures.paidOrder(price, "GBP", new Date(Date.now() - hoursAgo * HOUR));
  const at = new Date().toISOString();
  await ledger.creditSale({ orderId, ticketId: fixtures.oid(), sellerId, at }, log);
  if (confirm) await ledger.releaseSale(orderId, new Date(), log);
  return orderId;
}

describe("payouts.earnings", () => {
  it("shows the seller pending, available and paid totals and each sale's price, fee, status and payout", async () => {
    const alice = user("alice");
    const paid = await sale(alice.id, 10_000, 48, true);
    await run.payOutSellers([alice.id], new Date(), log);
    const available = await sale(alice.id, 5_000, 48, true);
    const pending = await sale(alice.id, 2_005, 1, true); // still within the hold
    const earnings = await as(alice).payouts.earnings({});
    expect(earnings).toMatchObject({ feeBps: 1000, holdHours: 24, minimum: 100 });
    expect(earnings.accounts).toHaveLength(1);
    const [gbp] = earnings.accounts;
    expect(gbp).toMatchObject({
      currency: "GBP",
      pending: { amount: 1_804, currency: "GBP" }, // 2,005 less 201 (200.5 rounded up)
      available: { amount: 4_500, currency: "GBP" },
      paid: { amount: 9_000, currency: "GBP" },
    });
    const byOrder = new Map(gbp?.sales.map((s) => [s.orderId, s]));
    expect(byOrder.get(paid)).toMatchObject({
      status: "paid",
      price: { amount: 10_000 },
      fee: { amount: 1_000 },
      net: { amount: 9_000 },
      payout: { id: `payout:${alice.id}:GBP:1` },
    });
    expect(byOrder.get(available)).toMatchObject({ status: "available", payout: null });
    expect(byOrder.get(pending)).toMatchObject({ status: "pending", fee: { amount: 201 } });
    expect(gbp?.payouts).toEqual([
      expect.objectContaining({ amount: { amount: 9_000, currency: "GBP" }, sales: 1 }),
    ]);
  });

  it("never shows another seller's earnings, whatever the input says", async () => {
    const alice = user("alice");
    const mallory = user("mallory");
    await sale(alice.id, 7_000, 48, true);
    expect((await as(mallory).payouts.earnings({})).accounts).toEqual([]);
    // The ledger is read by the caller's id: an input naming another seller is refused.
    await expect(
      as(mallory).payouts.earnings({ sellerId: alice.id } as unknown as Record<string, never>),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(null).payouts.earnings({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await as(alice).payouts.earnings({})).accounts[0]?.sales).toHaveLength(1);
  });
});
