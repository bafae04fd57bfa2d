import type { AuthSession, Order } from "@tx/api-contracts";
import {
  answerOf,
  holdListing,
  orderOf,
  quantile,
  registerUsers,
  type Stack,
  serviceClient,
  startPurchaseStack,
  ticketStatus,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrdersRouter } from "../trpc/router";

const HOLD_SECONDS = 2;
const infra = withInfra(["mongo", "nats", "redis"]);
let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];
const lateness: number[] = [];

beforeAll(async () => {
  stack = await startPurchaseStack(infra.infra, {
    ORDER_HOLD_SECONDS: String(HOLD_SECONDS),
    // One buyer holds five listings at once below; the cap on holds has its own test.
    ORDER_MAX_LIVE_HOLDS: "10",
  });
  [seller, ...buyers] = (await registerUsers(stack, "expiry", 4)) as [
    AuthSession,
    ...AuthSession[],
  ];
}, 120_000);
afterAll(async () => {
  if (lateness.length > 0) {
    console.log(
      `hold expiry lateness over ${lateness.length} holds: p50 ${quantile(lateness, 0.5).toFixed(0)} ms, p99 ${quantile(lateness, 0.99).toFixed(0)} ms`,
    );
  }
  await stack?.stop();
});

async function holdAndWaitForExpiry(buyer: AuthSession, name: string) {
  const { listing, order } = await holdListing(stack, seller, buyer, name);
  await waitFor(
    "the listing to be reserved",
    async () => (await ticketStatus(stack, listing.id)) === "reserved",
  );
  return { listing, order };
}

async function expectExpired(buyer: AuthSession, order: Order) {
  const cancelled = await waitFor(
    "the order to be cancelled",
    async () => {
      const now = await orderOf(stack, buyer, order.id);
      return now?.status === "cancelled" ? now : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 25 },
  );
  const cancelledAt = Date.parse(cancelled.timeline.at(-1)?.at ?? "");
  lateness.push(cancelledAt - Date.parse(order.expiresAt));
  expect(cancelled.cancelReason).toBe("expired");
  expect(cancelledAt).toBeGreaterThanOrEqual(Date.parse(order.expiresAt));
}

describe("a hold that is not paid for", () => {
  it("ends on time: the order is cancelled and another buyer can purchase the listing", async () => {
    const [first, second] = buyers as [AuthSession, AuthSession];
    const { listing, order } = await holdAndWaitForExpiry(first, "Expiring");
    expect(Date.parse(order.expiresAt) - Date.parse(order.timeline[0]?.at ?? "")).toBe(
      HOLD_SECONDS * 1000,
    );
    await expectExpired(first, order);
    await waitFor(
      "the listing to be available",
      async () => (await ticketStatus(stack, listing.id)) === "available",
    );
    const orders = serviceClient<OrdersRouter>(stack.urls.orders, second.accessToken);
    const again = await answerOf(orders.create.mutate({ ticketId: listing.id }));
    expect(again.status).toBe(200);
  });

  it("still ends when redis-server is killed and restarted during the hold", async () => {
    const [, , third] = buyers as [AuthSession, AuthSession, AuthSession];
    const { listing, order } = await holdAndWaitForExpiry(third, "Redis restart");
    await infra.infra.kill("redis");
    await new Promise((r) => setTimeout(r, 500));
    await infra.infra.start("redis");
    await expectExpired(third, order);
    await waitFor(
      "the listing to be available",
      async () => (await ticketStatus(stack, listing.id)) === "available",
    );
  });

  it("ends many holds on time", async () => {
    const buyer = buyers[0] as AuthSession;
    const holds = [];
    for (let i = 0; i < 5; i++) holds.push(await holdAndWaitForExpiry(buyer, `Batch ${i}`));
    for (const { order } of holds) await expectExpired(buyer, order);
  }, 60_000);
});
