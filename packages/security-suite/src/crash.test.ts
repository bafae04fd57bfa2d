import path from "node:path";
import type { AuthSession, ServiceName } from "@tx/api-contracts";
import type { OrdersRouter } from "@tx/orders/router";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  listTicket,
  registerUsers,
  type Stack,
  serviceClient,
  startStack,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveriesSettled, quiet, snapshot, violations } from "./invariants";

// TX_LONG=1: 50 crashes; by default 5.
const CRASHES = process.env.TX_LONG === "1" ? 50 : 5;
// Two processes of every service, as in production: a crash kills one, or now and then all.
const REPLICAS = 2;
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
    replicas: REPLICAS,
    // Short holds, so expirations race payments while services die; transfers due within
    // seconds (and never reported), so missed deadlines refund buyers while services die too.
    env: {
      LOG_LEVEL: "warn",
      ORDER_HOLD_SECONDS: "4",
      DELIVERY_TRANSFER_HOURS: String(6 / 3600),
      DELIVERY_SWEEP_SECONDS: "1",
    },
  });
  [seller, ...buyers] = (await registerUsers(stack, "crash", 7)) as [AuthSession, ...AuthSession[]];
}, 180_000);
afterAll(async () => stack?.stop());

const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
const billing = { name: "C", line1: "1 Road", city: "Leeds", postalCode: "LS1", country: "GB" };

/** The replica that purchase n talks to. */
const at = (name: ServiceName, n: number) =>
  stack.replicaUrls[name][n % stack.replicaUrls[name].length] as string;

/** One buyer's attempt to buy: every step may meet a dead service; it just stops there. */
async function purchase(buyer: AuthSession, n: number): Promise<void> {
  const listing = await listTicket(stack, seller, `Crash ${n}`).catch(() => null);
  if (!listing) return;
  const order = (
    await answerOf(
      serviceClient<OrdersRouter>(at("orders", n), buyer.accessToken).create.mutate({
        ticketId: listing.id,
      }),
    )
  ).data;
  if (!order) return;
  const payments = (i: number) =>
    serviceClient<PaymentsRouter>(at("payments", n + i), buyer.accessToken);
  for (let i = 0; i < 20; i++) {
    const started = await answerOf(payments(i).start.mutate({ orderId: order.id })).catch(
      () => null,
    );
    if (started?.status === 200) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  // Some pay at once, some as the hold runs out.
  if (n % 3 === 0) await new Promise((r) => setTimeout(r, 3_800));
  await payments(1)
    .sandbox.confirm.mutate({ orderId: order.id, card, billing })
    .catch(() => null);
}

describe("crash anywhere", () => {
  it(
    `keeps every invariant after ${CRASHES} SIGKILLs of random services (${REPLICAS} replicas each) mid-purchase`,
    async () => {
      let running = true;
      let n = 0;
      const shoppers = buyers.map(async (buyer) => {
        while (running) await purchase(buyer, n++).catch(() => undefined);
      });
      const killed: string[] = [];
      for (let i = 0; i < CRASHES; i++) {
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1_500));
        const victim = victims[Math.floor(Math.random() * victims.length)] as ServiceName;
        // One replica (a pod dies), or one time in four every replica (the service is down).
        const replica = Math.random() < 0.25 ? undefined : Math.floor(Math.random() * REPLICAS);
        await stack.kill(victim, replica);
        killed.push(replica === undefined ? `${victim} (all)` : `${victim} #${replica + 1}`);
        await new Promise((r) => setTimeout(r, Math.random() * 800));
        await stack.start(victim, replica);
      }
      running = false;
      await Promise.all(shoppers);

      // Let holds expire and every redelivery (ack wait 30 s after a crash) settle.
      const final = await waitFor(
        "outboxes empty and every consumer caught up",
        async () => {
          await new Promise((r) => setTimeout(r, 1_000));
          const s = await snapshot(infra.infra.urls.MONGO_URL, infra.infra.urls.NATS_URL);
          return quiet(s) &&
            deliveriesSettled(s) &&
            s.orders.every((o) => o.status !== "awaiting_payment")
            ? s
            : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      const byStatus: Record<string, number> = {};
      for (const o of final.orders) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
      console.log(
        `crash: killed ${killed.join(", ")}; ${final.orders.length} orders ${JSON.stringify(byStatus)}, ${final.payments.length} payments, ${final.tickets.filter((t) => t.delivery?.state === "failed").length} missed transfers, ${final.deadLetters.length} dead letters`,
      );
      for (const d of final.deadLetters) console.log(`dead letter ${d.durable}: ${d.error}`);
      expect(violations(final)).toEqual([]);
      expect(final.deadLetters).toEqual([]);
      expect(final.orders.length).toBeGreaterThan(0);
      // A crash and restart of a replica takes seconds on a busy machine; then up to 2 min to settle.
    },
    240_000 + CRASHES * 12_000,
  );
});
