import type { AuthSession, Order } from "@tx/api-contracts";
import { listMessages, waitFor } from "@tx/test-kit";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violations, waitUntilSettled } from "./invariants";
import { countBy, report } from "./outage";
import { holdWithPayment, payFor } from "./shoppers";
import { stackWithShoppers } from "./suite";

// The figure: 20 kills. TX_PAYMENT_KILLS changes it for a quick local run.
const KILLS = Number(process.env.TX_PAYMENT_KILLS ?? 20);
const PERIOD_S = 3;
const s = stackWithShoppers("paykill", KILLS, {
  LOG_LEVEL: "warn",
  // Long enough that the holds outlive the restarts, so both outcomes can happen.
  ORDER_HOLD_SECONDS: "60",
  RECONCILE_INTERVAL_SECONDS: String(PERIOD_S),
  RECONCILE_GRACE_SECONDS: "5",
});
let mongo: MongoClient;
beforeAll(async () => {
  mongo = await MongoClient.connect(s.infra.urls.MONGO_URL);
}, 300_000);
afterAll(async () => mongo?.close());

/** What the provider (the sandbox's side) and payments each say about one order. */
async function stateOf(orderId: string) {
  const db = mongo.db("tx_payments");
  const intent = await db.collection("sandbox_intents").findOne({ orderId });
  const payment = await db.collection("payments").findOne({ orderId });
  return { intent: intent?.status as string | undefined, payment: payment?.status as string };
}

describe("the payments service killed between the card submit and the settlement", () => {
  it(`settles every charge within one reconciler period, ${KILLS} kills, the buyer never coming back`, async () => {
    const charged: { buyer: AuthSession; order: Order }[] = [];
    const settleSeconds: number[] = [];
    let notCharged = 0;
    for (let i = 0; i < KILLS; i++) {
      const buyer = s.buyers[i] as AuthSession;
      const order = await holdWithPayment(s.stack, s.seller, buyer, `Pay kill ${i}`);
      if (!order) throw new Error("the hold failed");
      // The buyer submits the card and closes the tab; the service dies 0 to 250 ms later
      // (on this machine a confirm takes some 20 to 300 ms: before, during or after the charge).
      const submitted = payFor(s.stack, buyer, order.id).catch(() => null);
      await new Promise((r) => setTimeout(r, Math.random() * 250));
      await s.stack.kill("payments");
      await submitted;
      await s.stack.start("payments");
      const ready = Date.now();
      const settled = await waitFor(
        "the charge to be settled (or to have never happened)",
        async () => {
          const s = await stateOf(order.id);
          if (s.intent !== "succeeded") return s.intent ? s : undefined;
          return s.payment === "succeeded" || s.payment === "refunded" ? s : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      if (settled.intent === "succeeded") {
        charged.push({ buyer, order });
        settleSeconds.push((Date.now() - ready) / 1000);
      } else notCharged += 1;
    }
    const final = await waitUntilSettled(s.infra.urls.MONGO_URL, s.infra.urls.NATS_URL, 180_000);
    const mail = await listMessages(s.infra.urls.MAILPIT_URL);
    const emailed = charged.filter(({ buyer }) =>
      mail.some(
        (m) =>
          m.To.some((t) => t.Address === buyer.user.email) &&
          /^(Order confirmed|Refund issued)/.test(m.Subject),
      ),
    );
    report(
      `payments killed ${KILLS} times after the card submit: ${charged.length} charged (settled ${settleSeconds.map((s) => s.toFixed(1)).join(", ")} s after the restart), ${notCharged} killed before the charge; orders ${JSON.stringify(countBy(final.snapshot.orders.map((o) => o.status)))}; ${emailed.length}/${charged.length} charged buyers emailed`,
    );
    expect(violations(final.snapshot)).toEqual([]);
    expect(final.snapshot.deadLetters).toEqual([]);
    expect(final.settled).toBe(true);
    for (const s of settleSeconds) expect(s).toBeLessThanOrEqual(PERIOD_S + 2);
    // Every charge ends as a completed order or a refund, with its email.
    for (const { order } of charged) {
      const o = final.snapshot.orders.find((x) => x._id === order.id);
      expect(["complete", "refunded"]).toContain(o?.status);
    }
    await waitFor(
      "an email for every charge",
      async () => {
        const all = await listMessages(s.infra.urls.MAILPIT_URL);
        return charged.every(({ buyer }) =>
          all.some(
            (m) =>
              m.To.some((t) => t.Address === buyer.user.email) &&
              /^(Order confirmed|Refund issued)/.test(m.Subject),
          ),
        );
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }, 900_000);
});
