import type { AuthSession } from "@tx/api-contracts";
import {
  answerOf,
  holdListing,
  listTicket,
  orderOf,
  placeOrder,
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

const infra = withInfra(["mongo", "nats", "redis"]);
let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];

beforeAll(async () => {
  // Two processes of orders, each with its own pool of connections: the race is decided by the
  // database, not by one process serialising its requests. A buyer may win several of the 20
  // rounds: the cap on live holds is not what this tests.
  stack = await startPurchaseStack(infra.infra, { ORDER_MAX_LIVE_HOLDS: "50" }, undefined, {
    orders: 2,
  });
  [seller] = (await registerUsers(stack, "seller", 1)) as [AuthSession];
  buyers = await registerUsers(stack, "buyer", 200);
}, 180_000);
afterAll(async () => stack?.stop());

/** The orders service as `who` calls it (anonymous without a session). */
const ordersAs = (who?: AuthSession) =>
  serviceClient<OrdersRouter>(stack.urls.orders, who?.accessToken);

describe("the on-sale race", () => {
  it("gives each of 20 listings to exactly one of 200 simultaneous buyers on two replicas of orders", async () => {
    const latencies: number[] = [];
    for (let round = 0; round < 20; round++) {
      const listing = await listTicket(stack, seller, `Race ${round}`);
      const results = await Promise.all(
        buyers.map(async (buyer, i) => {
          const started = performance.now();
          const replicas = stack.replicaUrls.orders;
          const orders = serviceClient<OrdersRouter>(
            replicas[i % replicas.length] as string,
            buyer.accessToken,
          );
          const res = await answerOf(orders.create.mutate({ ticketId: listing.id }));
          latencies.push(performance.now() - started);
          return res;
        }),
      );
      const winners = results.filter((r) => r.status === 200);
      const losers = results.filter((r) => r.status === 409);
      // Anything but a win or "just reserved" is a defect; named here so a failure says which.
      const others = results.filter((r) => r.status !== 200 && r.status !== 409);
      expect(others.map((r) => `${r.status} ${r.error?.message}`)).toEqual([]);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(199);
      expect(losers[0]?.error?.message).toBe("This ticket was just reserved by someone else.");
      await waitFor(
        "the listing to be reserved",
        async () => (await ticketStatus(stack, listing.id)) === "reserved",
      );
    }
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    console.log(
      `race: 20 rounds x 200 buyers, create latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    );
  }, 240_000);
});

describe("who may do what with an order", () => {
  it("refuses the seller's own listing, an anonymous buyer, and other buyers' orders", async () => {
    const listing = await listTicket(stack, seller, "Authorization");
    const [owner, other] = buyers as [AuthSession, AuthSession];
    const own = await answerOf(ordersAs(seller).create.mutate({ ticketId: listing.id }));
    expect(own.status).toBe(403);
    expect(own.error?.message).toBe("You cannot buy your own listing.");
    expect((await answerOf(ordersAs().create.mutate({ ticketId: listing.id }))).status).toBe(401);

    const order = await placeOrder(stack, owner, listing.id);
    expect((await answerOf(ordersAs(other).get.query({ orderId: order.id }))).status).toBe(404);
    expect((await answerOf(ordersAs().get.query({ orderId: order.id }))).status).toBe(401);
    expect((await answerOf(ordersAs(other).cancel.mutate({ orderId: order.id }))).status).toBe(404);
    const history = await answerOf(ordersAs(other).history.query({}));
    expect(history.data?.items.map((o) => o.id)).not.toContain(order.id);
    expect((await orderOf(stack, owner, order.id))?.status).toBe("awaiting_payment");
  });

  it("lets the buyer cancel a hold, which releases the listing for someone else", async () => {
    const [first, second] = buyers.slice(10) as [AuthSession, AuthSession];
    const { listing, order } = await holdListing(stack, seller, first, "Cancel");
    const cancelled = await answerOf(ordersAs(first).cancel.mutate({ orderId: order.id }));
    expect(cancelled.data?.status).toBe("cancelled");
    expect(cancelled.data?.timeline.map((t) => t.status)).toEqual([
      "awaiting_payment",
      "cancelled",
    ]);
    await waitFor(
      "the listing to be available",
      async () => (await ticketStatus(stack, listing.id)) === "available",
    );
    const again = await answerOf(ordersAs(second).create.mutate({ ticketId: listing.id }));
    expect(again.status).toBe(200);
    const twice = await answerOf(ordersAs(first).cancel.mutate({ orderId: order.id }));
    expect(twice.status).toBe(409);
  });

  it("pages the buyer's history newest first", async () => {
    const buyer = buyers[50] as AuthSession;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await holdListing(stack, seller, buyer, `History ${i}`);
      ids.unshift(order.id);
    }
    const first = await answerOf(ordersAs(buyer).history.query({ limit: 2 }));
    const second = await answerOf(
      ordersAs(buyer).history.query({ limit: 2, cursor: first.data?.nextCursor ?? undefined }),
    );
    expect([...(first.data?.items ?? []), ...(second.data?.items ?? [])].map((o) => o.id)).toEqual(
      ids,
    );
    expect(second.data?.nextCursor).toBeNull();
  });
});
