import { createLogger } from "@tx/service-kit";
import type { connectServiceForTest } from "@tx/service-kit/testing";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPaymentsForTest } from "../testing/env";

const infra = withInfra(["mongo", "nats", "redis"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const HOUR = 3_600_000;
// Loaded after the environment is set: the modules read their configuration on import.
let ledger: typeof import("../domain/ledger");
let fixtures: typeof import("../ledger-fixtures");
let run: typeof import("./run");
let LedgerEntryModel: typeof import("../models/ledger-entry")["LedgerEntryModel"];
let schedule: Awaited<ReturnType<typeof import("./schedule")["startPayoutSchedule"]>>;

beforeAll(async () => {
  conn = await connectPaymentsForTest(infra.infra.urls, {
    PLATFORM_FEE_BPS: "1000",
    PAYOUT_HOLD_HOURS: "24",
    PAYOUT_MINIMUM: "500",
  });
  ledger = await import("../domain/ledger");
  fixtures = await import("../ledger-fixtures");
  run = await import("./run");
  ({ LedgerEntryModel } = await import("../models/ledger-entry"));
  const { startPayoutSchedule } = await import("./schedule");
  // Every two seconds, the cron with seconds BullMQ reads; daily in production.
  schedule = await startPayoutSchedule(
    infra.infra.urls.REDIS_URL,
    { cron: "*/2 * * * * *", tz: "UTC" },
    log,
  );
});
afterAll(async () => {
  await schedule.stop();
  await conn.close();
});

/** A sale of `price`, credited and confirmed, for an event `hoursAgo` ago. */
async function confirmedSale(sellerId: string, price: number, hoursAgo: number) {
  const orderId = await fixtures.paidOrder(price, "USD", new Date(Date.now() - hoursAgo * HOUR));
  const at = new Date().toISOString();
  await ledger.creditSale({ orderId, ticketId: fixtures.oid(), sellerId, at }, log);
  await ledger.releaseSale(orderId, new Date(), log);
  return orderId;
}

const payoutsOf = (sellerId: string) =>
  LedgerEntryModel.find({ sellerId, kind: "payout" }).sort({ seq: 1 }).lean();

describe("the payout run (a BullMQ repeatable job)", () => {
  it("pays every available balance above the minimum once, and leaves pending money alone", async () => {
    const sam = fixtures.oid();
    const rita = fixtures.oid();
    const paidSale = await confirmedSale(sam, 10_000, 30); // event 30 h ago: past the 24 h hold
    const heldSale = await confirmedSale(sam, 4_000, 2); // event 2 h ago: still held
    await confirmedSale(rita, 300, 30); // 270 after the fee: under the minimum
    await waitFor("sam's payout", async () => (await payoutsOf(sam)).length > 0, {
      timeoutMs: 30_000,
    });
    // Later ticks and a run on demand, racing, find nothing more to pay.
    await Promise.all([schedule.runNow(), run.runPayouts(new Date(), log)]);
    await new Promise((r) => setTimeout(r, 4_500));
    const payouts = await payoutsOf(sam);
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({
      _id: `payout:${sam}:USD:1`,
      amount: 9_000,
      orderIds: [paidSale],
      mode: "sandbox",
      providerRef: expect.stringMatching(/^po_sandbox_/),
    });
    expect(await payoutsOf(rita)).toHaveLength(0);
    const [account] = await run.accountsOf(sam, new Date());
    expect(account).toMatchObject({ pending: 3_600, available: 0, paid: 9_000, balance: 3_600 });
    expect(account?.sales.find((s) => s.orderId === heldSale)?.status).toBe("pending");
  });

  it("recovers a refund after a payout from the next payout", async () => {
    const sam = fixtures.oid();
    const first = await confirmedSale(sam, 10_000, 30);
    await run.payOutSellers([sam], new Date(), log);
    const { refundPayment } = await import("../domain/refunds");
    await refundPayment(first, "requested", log);
    await ledger.reverseSale(first, new Date(), log);
    const [owing] = await run.accountsOf(sam, new Date());
    expect(owing).toMatchObject({ available: -9_000, balance: -9_000, paid: 9_000 });
    expect(await LedgerEntryModel.findById(`reversal:${first}`).lean()).toMatchObject({
      afterPayout: true,
    });
    await confirmedSale(sam, 20_000, 30);
    await run.payOutSellers([sam], new Date(), log);
    const payouts = await payoutsOf(sam);
    expect(payouts.map((p) => p.amount)).toEqual([9_000, 9_000]); // 18,000 less the 9,000 owed
    const [after] = await run.accountsOf(sam, new Date());
    expect(after).toMatchObject({ available: 0, balance: 0, paid: 18_000 });
  });
});
