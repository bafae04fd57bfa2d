import type { Currency } from "@tx/api-contracts";
import { createLogger, RetryLater } from "@tx/service-kit";
import type { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPaymentsForTest } from "../testing/env";

/**
 * The ledger against the real FerretDB: random sequences of sales, confirmations, refunds
 * before and after payouts, payout runs, every step possibly delivered twice at once, and
 * in any order (a step that must wait is retried at the end, as the bus would).
 */
const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const oid = () => fixtures.oid();
const BPS = 1250; // 12.5 %: plenty of half cents to round
const HOUR = 3_600_000;

let ledger: typeof import("./ledger");
let run: typeof import("../payouts/run");
let models: {
  LedgerEntryModel: typeof import("../models/ledger-entry")["LedgerEntryModel"];
};
let refunds: typeof import("./refunds");
let ledgerTotals: typeof import("./ledger-totals");
let fixtures: typeof import("../ledger-fixtures");

beforeAll(async () => {
  conn = await connectPaymentsForTest(infra.infra.urls, {
    PLATFORM_FEE_BPS: String(BPS),
    PAYOUT_HOLD_HOURS: "24",
    PAYOUT_MINIMUM: "1",
  });
  ledger = await import("./ledger");
  run = await import("../payouts/run");
  refunds = await import("./refunds");
  ledgerTotals = await import("./ledger-totals");
  fixtures = await import("../ledger-fixtures");
  models = {
    LedgerEntryModel: (await import("../models/ledger-entry")).LedgerEntryModel,
  };
});
afterAll(async () => conn.close());

/** The fee as the rule says it, computed apart from the code: round half up of price * bps / 10000. */
const expectedFee = (price: number) =>
  Number((BigInt(price) * BigInt(BPS) * 2n + 10_000n) / 20_000n);

type Step =
  | { kind: "sell"; order: number }
  | { kind: "confirm"; order: number }
  | { kind: "refund"; order: number }
  | { kind: "payout" };
/**
 * Each order's life in its usual order (sold, confirmed, perhaps refunded) merged at random
 * with payout runs, then a few neighbours swapped: out-of-order delivery, as the bus allows.
 */
const scenarioArb = fc
  .array(
    fc.record({
      seller: fc.nat(2),
      price: fc.integer({ min: 1, max: 250_000 }),
      currency: fc.constantFrom<Currency>("USD", "GBP"),
      // Past events are payable once confirmed (the hold is 24 h); a future one stays pending.
      eventHoursAgo: fc.constantFrom(-48, 30, 72),
      confirmed: fc.boolean(),
      refunded: fc.boolean(),
      // Sold at all? A refund of an order never sold (a late payment) has nothing to reverse.
      sold: fc.constantFrom(true, true, true, false),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((orders) => {
    const lives: Step[][] = orders.map((o, order) => [
      ...(o.sold ? [{ kind: "sell" as const, order }] : []),
      ...(o.sold && o.confirmed ? [{ kind: "confirm" as const, order }] : []),
      ...(o.refunded ? [{ kind: "refund" as const, order }] : []),
    ]);
    const count = lives.reduce((t, l) => t + l.length, 0);
    return fc.record({
      orders: fc.constant(orders),
      lives: fc.constant(lives),
      payouts: fc.integer({ min: 1, max: 3 }),
      keys: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: count + 3,
        maxLength: count + 3,
      }),
      swaps: fc.array(fc.nat(count + 2), { maxLength: 3 }),
      twice: fc.array(fc.boolean(), { minLength: count + 3, maxLength: count + 3 }),
    });
  })
  .map(({ orders, lives, payouts, keys, swaps, twice }) => {
    let k = 0;
    const keyed: { key: number; step: Step }[] = [];
    for (const life of lives) {
      const mine = keys.slice(k, k + life.length).sort((a, b) => a - b);
      k += life.length;
      for (const [i, step] of life.entries()) keyed.push({ key: mine[i] ?? 0, step });
    }
    for (let p = 0; p < payouts; p++)
      keyed.push({ key: keys[k + p] ?? 1, step: { kind: "payout" } });
    const steps = keyed.sort((a, b) => a.key - b.key).map((x) => x.step);
    for (const i of swaps) {
      const [a, b] = [steps[i], steps[i + 1]];
      if (a && b) [steps[i], steps[i + 1]] = [b, a];
    }
    return { orders, steps: steps.map((step, i) => ({ step, twice: twice[i] ?? false })) };
  });

describe("the sellers' ledger", () => {
  it("keeps balance = credits - reversals - payouts, no entry twice, fees = platform income", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ orders, steps }) => {
        const sellers = [oid(), oid(), oid()];
        const now = new Date();
        const ids = await Promise.all(
          orders.map((o) =>
            fixtures.paidOrder(
              o.price,
              o.currency,
              new Date(now.getTime() - o.eventHoursAgo * HOUR),
            ),
          ),
        );
        const sold = new Set<number>();
        const refunded = new Set<number>();
        const apply = async (step: Step): Promise<void> => {
          if (step.kind === "payout") {
            await run.payOutSellers(sellers, new Date(), log);
            return;
          }
          const orderId = ids[step.order] as string;
          const o = orders[step.order];
          if (!o) throw new Error("no such order");
          if (step.kind === "sell") {
            sold.add(step.order);
            await ledger.creditSale(
              {
                orderId,
                ticketId: oid(),
                sellerId: sellers[o.seller] as string,
                at: now.toISOString(),
              },
              log,
            );
          } else if (step.kind === "confirm") {
            // Tickets confirms only what it sold: a confirmation comes after the sale's event.
            if (!sold.has(step.order)) throw new RetryLater("not sold yet");
            await ledger.releaseSale(orderId, new Date(), log);
          } else {
            refunded.add(step.order);
            await refunds.refundPayment(orderId, "requested", log);
            await ledger.reverseSale(orderId, new Date(), log); // payment.refunded, read back
          }
        };
        const later: Step[] = [];
        for (const { step, twice } of steps) {
          const runs = twice ? [apply(step), apply(step)] : [apply(step)];
          for (const r of await Promise.allSettled(runs)) {
            if (r.status === "fulfilled") continue;
            if (!(r.reason instanceof RetryLater)) throw r.reason;
            later.push(step);
          }
        }
        for (const step of later) await apply(step);

        const entries = await models.LedgerEntryModel.find({ sellerId: { $in: sellers } }).lean();
        // No fact twice: one credit, release, reversal per order; no order in two payouts.
        const keys = entries.map((e) => e._id);
        expect(new Set(keys).size).toBe(keys.length);
        const paidOrders = entries.flatMap((e) => (e.kind === "payout" ? (e.orderIds ?? []) : []));
        expect(new Set(paidOrders).size).toBe(paidOrders.length);
        for (const e of entries) expect(e.amount).toBeGreaterThanOrEqual(0);
        const releasedOrders = new Set(
          entries.filter((e) => e.kind === "release").map((e) => e.orderId),
        );
        for (const o of paidOrders) expect(releasedOrders.has(o)).toBe(true);

        // Every sold order exactly one credit, every sold and refunded one exactly one reversal.
        const credited = entries.filter((e) => e.kind === "credit").map((e) => e.orderId);
        const reversed = entries.filter((e) => e.kind === "reversal").map((e) => e.orderId);
        expect(credited.sort()).toEqual([...sold].map((i) => ids[i]).sort());
        expect(reversed.sort()).toEqual(
          [...sold]
            .filter((i) => refunded.has(i))
            .map((i) => ids[i])
            .sort(),
        );

        for (const [s, sellerId] of sellers.entries()) {
          for (const currency of ["USD", "GBP"] as const) {
            const mine = [...sold].filter(
              (i) => orders[i]?.seller === s && orders[i]?.currency === currency,
            );
            const price = (i: number) => orders[i]?.price ?? 0;
            const net = (i: number) => price(i) - expectedFee(price(i));
            const credits = mine.reduce((t, i) => t + net(i), 0);
            const reversals = mine.filter((i) => refunded.has(i)).reduce((t, i) => t + net(i), 0);
            // Summed by the database, apart from the code that derives accounts.
            const totals = await ledgerTotals.ledgerTotals({ sellerId, currency });
            const total = (kind: "credit" | "reversal" | "payout") => totals[kind];
            expect(total("credit").amount).toBe(credits);
            expect(total("reversal").amount).toBe(reversals);
            const payouts = total("payout").amount;
            const [account] = (await run.accountsOf(sellerId, new Date())).filter(
              (a) => a.currency === currency,
            );
            expect(account?.balance ?? 0).toBe(credits - reversals - payouts);
            expect(account?.paid ?? 0).toBe(payouts);
            // The platform's income is exactly its fees: what buyers kept paying, less the sellers' part.
            const kept = mine.filter((i) => !refunded.has(i));
            const fees = kept.reduce((t, i) => t + expectedFee(price(i)), 0);
            const income = total("credit").fee - total("reversal").fee;
            expect(income).toBe(fees);
            expect(account?.fees ?? 0).toBe(fees);
            const charged = total("credit").price - total("reversal").price;
            expect(charged).toBe(income + credits - reversals);
            // Nothing was paid before it was released: payouts never exceed the released credits.
            const released = entries.filter(
              (e) => e.kind === "release" && e.sellerId === sellerId && e.currency === currency,
            );
            expect(payouts).toBeLessThanOrEqual(released.reduce((t, e) => t + e.amount, 0));
          }
        }
      }),
      {
        numRuns: Number(process.env.TX_LEDGER_RUNS ?? 25),
        endOnFailure: true,
        ...(process.env.TX_LEDGER_SEED ? { seed: Number(process.env.TX_LEDGER_SEED) } : {}),
      },
    );
  }, 600_000);
});
