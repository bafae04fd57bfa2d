import type { AuthSession, ServiceName } from "@tx/api-contracts";
import type { InfraName } from "@tx/test-kit";
import { describe, expect, it } from "vitest";
import { statusCounts, violations, waitUntilSettled } from "./invariants";
import { holdWithPayment, payFor } from "./shoppers";
import { stackWithShoppers } from "./suite";

const LONG = process.env.TX_LONG === "1";
// TX_LONG=1: 50 crashes of services and 20 of FerretDB or Redis; by default 5 and 3.
const CRASHES = LONG ? 50 : 5;
const SERVER_CRASHES = LONG ? 20 : 3;
const servers: InfraName[] = ["mongo", "redis"];
const victims: ServiceName[] = [
  "tickets",
  "orders",
  "payments",
  "expiration",
  "notifications",
  "auth",
];
const s = stackWithShoppers("crash", 6, {
  LOG_LEVEL: "warn",
  // Short holds, so expirations race payments while services die.
  ORDER_HOLD_SECONDS: "4",
  // Reconcilers soon after a hold ends, so what a crash left behind heals within the test.
  RECONCILE_INTERVAL_SECONDS: "3",
  RECONCILE_GRACE_SECONDS: "5",
});

/** One buyer's attempt to buy: every step may meet a dead service; it just stops there. */
async function purchase(buyer: AuthSession, n: number): Promise<void> {
  const order = await holdWithPayment(s.stack, s.seller, buyer, `Crash ${n}`).catch(() => null);
  if (!order) return;
  // Some pay at once, some as the hold runs out.
  if (n % 3 === 0) await new Promise((r) => setTimeout(r, 3_800));
  await payFor(s.stack, buyer, order.id).catch(() => null);
}

describe("crash anywhere", () => {
  it(`keeps every invariant after ${CRASHES} SIGKILLs of random services and ${SERVER_CRASHES} of FerretDB or Redis mid-purchase`, async () => {
    let running = true;
    let n = 0;
    const shoppers = s.buyers.map(async (buyer) => {
      while (running) await purchase(buyer, n++).catch(() => undefined);
    });
    // Service and server crashes, shuffled together.
    const plan: ("service" | "server")[] = [
      ...Array<"service">(CRASHES).fill("service"),
      ...Array<"server">(SERVER_CRASHES).fill("server"),
    ].sort(() => Math.random() - 0.5);
    const killed: string[] = [];
    for (const kind of plan) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1_500));
      if (kind === "service") {
        const victim = victims[Math.floor(Math.random() * victims.length)] as ServiceName;
        await s.stack.kill(victim);
        killed.push(victim);
        await new Promise((r) => setTimeout(r, Math.random() * 800));
        await s.stack.start(victim);
      } else {
        const server = servers[Math.floor(Math.random() * servers.length)] as InfraName;
        await s.infra.kill(server);
        killed.push(server === "mongo" ? "FerretDB" : "Redis");
        await new Promise((r) => setTimeout(r, Math.random() * 800));
        await s.infra.start(server);
      }
    }
    running = false;
    await Promise.all(shoppers);

    // Let holds expire, reconcilers run and every redelivery settle.
    const { snapshot: final, ms } = await waitUntilSettled(
      s.infra.urls.MONGO_URL,
      s.infra.urls.NATS_URL,
      180_000,
    );
    console.log(
      `crash: killed ${killed.join(", ")}; settled in ${(ms / 1000).toFixed(1)} s; ${final.orders.length} orders ${JSON.stringify(statusCounts(final))}, ${final.payments.length} payments, ${final.deadLetters.length} dead letters`,
    );
    for (const d of final.deadLetters) console.log(`dead letter ${d.durable}: ${d.error}`);
    expect(violations(final)).toEqual([]);
    expect(final.deadLetters).toEqual([]);
    expect(final.pendingOutbox).toBe(0);
    expect(final.orders.filter((o) => o.status === "awaiting_payment")).toEqual([]);
    expect(final.orders.length).toBeGreaterThan(0);
  }, 600_000);
});
