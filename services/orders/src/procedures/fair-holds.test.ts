import type { AuthSession, Listing, Order } from "@tx/api-contracts";
import {
  listTicket,
  registerUsers,
  type Stack,
  startPurchaseStack,
  ticketStatus,
  trpcMutation,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats", "redis"]);
let stack: Stack;
let seller: AuthSession;
let script: AuthSession;
let buyers: AuthSession[];

const COOLDOWN_SECONDS = 3;

beforeAll(async () => {
  stack = await startPurchaseStack(infra.infra, {
    HOLD_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
    // High enough that all 200 parallel creates below reach the hold slots.
    ORDER_CREATE_PER_USER: "1000/60",
  });
  [seller, script, ...buyers] = (await registerUsers(stack, "fair", 5)) as [
    AuthSession,
    AuthSession,
    ...AuthSession[],
  ];
}, 180_000);
afterAll(async () => stack?.stop());

const create = (buyer: AuthSession, ticketId: string) =>
  trpcMutation<Order>(stack.urls.orders, "create", { ticketId }, buyer.accessToken);

/** `n` listings of the seller's, all in the orders replica. */
async function listings(n: number, name: string): Promise<Listing[]> {
  const made: Listing[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, (_, j) =>
        trpcMutation<Listing>(
          stack.urls.tickets,
          "create",
          {
            eventName: `${name} ${i + j}`,
            venue: "Fillmore",
            city: "San Francisco",
            timeZone: "America/Los_Angeles",
            eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            quantity: 1,
            currency: "USD",
            pricePerTicket: 5_000,
            faceValuePerTicket: 5_000,
          },
          seller.accessToken,
        ),
      ),
    );
    for (const r of batch) {
      if (!r.data) throw new Error(`listing failed: ${r.error?.message}`);
      made.push(r.data);
    }
  }
  // In the replica once the seller's own order is refused as FORBIDDEN (not NOT_FOUND).
  await waitFor(
    "the listings in the orders replica",
    async () => {
      const probes = await Promise.all(made.map((l) => create(seller, l.id)));
      return probes.every((p) => p.error?.data?.code === "FORBIDDEN");
    },
    { timeoutMs: 60_000 },
  );
  return made;
}

describe("fair holds", () => {
  it("lets a script that fires 200 holds at once keep 2, and tells it why not more", async () => {
    const targets = await listings(200, "Scripted");
    const results = await Promise.all(targets.map((l) => create(script, l.id)));
    const held = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    console.log(
      `200 parallel holds by one buyer: ${held.length} held, ${refused.length} refused (${JSON.stringify(
        Object.fromEntries(
          [...new Set(results.map((r) => r.status))].map((s) => [
            s,
            results.filter((r) => r.status === s).length,
          ]),
        ),
      )})`,
    );
    expect(held).toHaveLength(2);
    expect(refused).toHaveLength(198);
    expect(new Set(refused.map((r) => r.error?.message))).toEqual(
      new Set([
        "You are already holding 2 listings, the most one buyer may hold at a time. Pay for or cancel a hold before starting another.",
      ]),
    );
    // Nothing of the refused ones reached tickets: every other listing stays available.
    const heldIds = new Set(held.map((r) => r.data?.ticketId));
    const others = targets.filter((l) => !heldIds.has(l.id)).slice(0, 20);
    for (const l of others) expect(await ticketStatus(stack, l.id)).toBe("available");

    // Letting one go frees a slot for another hold.
    const first = held[0]?.data as Order;
    await trpcMutation(stack.urls.orders, "cancel", { orderId: first.id }, script.accessToken);
    const next = await create(script, others[0]?.id ?? "");
    expect(next.status).toBe(200);
  }, 240_000);

  it("makes a buyer whose hold ended wait before holding that listing again", async () => {
    const listing = await listTicket(stack, seller, "Cooldown");
    const [buyer, other] = buyers as [AuthSession, AuthSession];
    const order = (await create(buyer, listing.id)).data as Order;
    await trpcMutation(stack.urls.orders, "cancel", { orderId: order.id }, buyer.accessToken);
    await waitFor(
      "the listing to be released",
      async () => (await ticketStatus(stack, listing.id)) === "available",
    );

    const again = await create(buyer, listing.id);
    expect(again.status).toBe(429);
    expect(again.error?.message).toMatch(
      /^Your hold on this listing ended a moment ago; other buyers get a turn first \(3 seconds\)\. Try again in [1-3] seconds?\.$/,
    );
    expect(
      (again.error?.data as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds,
    ).toBeGreaterThan(0);

    // Someone else may hold it meanwhile; after the wait, the first buyer may too.
    const theirs = (await create(other, listing.id)).data as Order;
    await trpcMutation(stack.urls.orders, "cancel", { orderId: theirs.id }, other.accessToken);
    await waitFor(
      "the listing to be released again",
      async () => (await ticketStatus(stack, listing.id)) === "available",
    );
    await new Promise((r) => setTimeout(r, COOLDOWN_SECONDS * 1000));
    expect((await create(buyer, listing.id)).status).toBe(200);
  }, 60_000);
});
