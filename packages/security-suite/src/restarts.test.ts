import path from "node:path";
import type { AuthSession } from "@tx/api-contracts";
import {
  holdListing,
  orderOf,
  registerUsers,
  type Stack,
  startStack,
  ticketStatus,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats", "redis", "mail"]);
let stack: Stack;
let seller: AuthSession;
let buyer: AuthSession;

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    env: { LOG_LEVEL: "warn", ORDER_HOLD_SECONDS: "4" },
  });
  [seller, buyer] = (await registerUsers(stack, "restart", 2)) as [AuthSession, AuthSession];
}, 180_000);
afterAll(async () => stack?.stop());

async function hold(name: string) {
  const { listing, order } = await holdListing(stack, seller, buyer, name);
  await waitFor(
    "the reservation",
    async () => (await ticketStatus(stack, listing.id)) === "reserved",
  );
  return { listing, order };
}

async function expectReleased(listingId: string, orderId: string) {
  await waitFor(
    "the hold to end",
    async () => (await orderOf(stack, buyer, orderId))?.status === "cancelled",
    {
      timeoutMs: 40_000,
    },
  );
  await waitFor(
    "the listing to be available",
    async () => (await ticketStatus(stack, listingId)) === "available",
    {
      timeoutMs: 40_000,
    },
  );
}

describe("the message broker and Redis restarting mid-flow", () => {
  it("NATS restarts during a hold: the hold still ends and later events still flow", async () => {
    const { listing, order } = await hold("NATS restart");
    await infra.infra.kill("nats");
    await new Promise((r) => setTimeout(r, 1_000));
    await infra.infra.start("nats");
    await expectReleased(listing.id, order.id);
    // Events published after the restart reach the replicas too.
    const after = await hold("After NATS restart");
    expect(after.order.status).toBe("awaiting_payment");
    await expectReleased(after.listing.id, after.order.id);
  }, 120_000);

  it("Redis restarts during a hold: the delayed job survives and fires", async () => {
    const { listing, order } = await hold("Redis restart");
    await infra.infra.kill("redis");
    await new Promise((r) => setTimeout(r, 1_000));
    await infra.infra.start("redis");
    await expectReleased(listing.id, order.id);
  }, 120_000);

  it("both down at once, then back: a hold made before still ends", async () => {
    const { listing, order } = await hold("Both restart");
    await Promise.all([infra.infra.kill("nats"), infra.infra.kill("redis")]);
    await new Promise((r) => setTimeout(r, 1_500));
    await Promise.all([infra.infra.start("nats"), infra.infra.start("redis")]);
    await expectReleased(listing.id, order.id);
  }, 120_000);
});
