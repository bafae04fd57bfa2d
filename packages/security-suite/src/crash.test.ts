import path from "node:path";
import type { AuthSession, ServiceName } from "@tx/api-contracts";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  holdListing,
  registerUsers,
  type Stack,
  serviceClient,
  startStack,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quiet, snapshot, violations } from "./invariants";

// TX_LONG=1: 50 crashes; by default 5.
const CRASHES = process.env.TX_LONG === "1" ? 50 : 5;
const victims: ServiceName[] = [
  "tickets",
  "orders",
  "payments",
  "expiration",
  "notifications",
  "auth",
];
const infra = withInfra();
let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    // Short holds, so expirations race payments while services die.
    env: { LOG_LEVEL: "warn", ORDER_HOLD_SECONDS: "4" },
  });
  [seller, ...buyers] = (await registerUsers(stack, "crash", 7)) as [AuthSession, ...AuthSession[]];
}, 180_000);
afterAll(async () => stack?.stop());

const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
const billing = { name: "C", line1: "1 Road", city: "Leeds", postalCode: "LS1", country: "GB" };

/** One buyer's attempt to buy: every step may meet a dead service; it just stops there. */
async function purchase(buyer: AuthSession, n: number): Promise<void> {
  const held = await holdListing(stack, seller, buyer, `Crash ${n}`).catch(() => null);
  if (!held) return;
  const { order } = held;
  const payments = serviceClient<PaymentsRouter>(stack.urls.payments, buyer.accessToken);
  for (let i = 0; i < 20; i++) {
    const started = await answerOf(payments.start.mutate({ orderId: order.id })).catch(() => null);
    if (started?.status === 200) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  // Some pay at once, some as the hold runs out.
  if (n % 3 === 0) await new Promise((r) => setTimeout(r, 3_800));
  await payments.sandbox.confirm.mutate({ orderId: order.id, card, billing }).catch(() => null);
}

describe("crash anywhere", () => {
  it(`keeps every invariant after ${CRASHES} SIGKILLs of random services mid-purchase`, async () => {
    let running = true;
    let n = 0;
    const shoppers = buyers.map(async (buyer) => {
      while (running) await purchase(buyer, n++).catch(() => undefined);
    });
    const killed: string[] = [];
    for (let i = 0; i < CRASHES; i++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1_500));
      const victim = victims[Math.floor(Math.random() * victims.length)] as ServiceName;
      await stack.kill(victim);
      killed.push(victim);
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      await stack.start(victim);
    }
    running = false;
    await Promise.all(shoppers);

    // Let holds expire and every redelivery (ack wait 30 s after a crash) settle.
    const final = await waitFor(
      "outboxes empty and every consumer caught up",
      async () => {
        await new Promise((r) => setTimeout(r, 1_000));
        const s = await snapshot(infra.infra.urls.MONGO_URL, infra.infra.urls.NATS_URL);
        return quiet(s) && s.orders.every((o) => o.status !== "awaiting_payment") ? s : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const byStatus: Record<string, number> = {};
    for (const o of final.orders) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    console.log(
      `crash: killed ${killed.join(", ")}; ${final.orders.length} orders ${JSON.stringify(byStatus)}, ${final.payments.length} payments, ${final.deadLetters.length} dead letters`,
    );
    for (const d of final.deadLetters) console.log(`dead letter ${d.durable}: ${d.error}`);
    expect(violations(final)).toEqual([]);
    expect(final.deadLetters).toEqual([]);
    expect(final.orders.length).toBeGreaterThan(0);
  }, 300_000);
});
