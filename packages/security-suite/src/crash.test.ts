import path from "node:path";
import type { AuthSession, ServiceName } from "@tx/api-contracts";
import type { OrdersRouter } from "@tx/orders/router";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  type InfraName,
  listTicket,
  registerUsers,
  type Stack,
  serviceClient,
  startStack,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveriesSettled, statusCounts, violations, waitUntilSettled } from "./invariants";
import { billing, card } from "./shoppers";

const LONG = process.env.TX_LONG === "1";
// TX_LONG=1: 50 crashes of services and 20 of FerretDB or Redis; by default 5 and 3.
const CRASHES = LONG ? 50 : 5;
const SERVER_CRASHES = LONG ? 20 : 3;
const servers: InfraName[] = ["mongo", "redis"];
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
      // Reconcilers soon after a hold ends, so what a crash left behind heals within the test.
      RECONCILE_INTERVAL_SECONDS: "3",
      RECONCILE_GRACE_SECONDS: "5",
    },
  });
  [seller, ...buyers] = (await registerUsers(stack, "crash", 7)) as [AuthSession, ...AuthSession[]];
}, 180_000);
afterAll(async () => stack?.stop());

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
    `keeps every invariant after ${CRASHES} SIGKILLs of random services (${REPLICAS} replicas each) and ${SERVER_CRASHES} of FerretDB or Redis mid-purchase`,
    async () => {
      let running = true;
      let n = 0;
      const shoppers = buyers.map(async (buyer) => {
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
        if (kind === "server") {
          const server = servers[Math.floor(Math.random() * servers.length)] as InfraName;
          await infra.infra.kill(server);
          killed.push(server === "mongo" ? "FerretDB" : "Redis");
          await new Promise((r) => setTimeout(r, Math.random() * 800));
          await infra.infra.start(server);
          continue;
        }
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

      // Let holds expire, transfers miss their deadlines, reconcilers run and every
      // redelivery settle.
      const { snapshot: final, ms } = await waitUntilSettled(
        infra.infra.urls.MONGO_URL,
        infra.infra.urls.NATS_URL,
        180_000,
        deliveriesSettled,
      );
      console.log(
        `crash: killed ${killed.join(", ")}; settled in ${(ms / 1000).toFixed(1)} s; ${final.orders.length} orders ${JSON.stringify(statusCounts(final))}, ${final.payments.length} payments, ${final.tickets.filter((t) => t.delivery?.state === "failed").length} missed transfers, ${final.deadLetters.length} dead letters`,
      );
      for (const d of final.deadLetters) console.log(`dead letter ${d.durable}: ${d.error}`);
      expect(violations(final)).toEqual([]);
      expect(final.deadLetters).toEqual([]);
      expect(final.pendingOutbox).toBe(0);
      expect(final.orders.filter((o) => o.status === "awaiting_payment")).toEqual([]);
      expect(final.orders.length).toBeGreaterThan(0);
      // A crash and restart of a replica takes seconds on a busy machine; then up to 2 min to settle.
    },
    300_000 + (CRASHES + SERVER_CRASHES) * 12_000,
  );
});
