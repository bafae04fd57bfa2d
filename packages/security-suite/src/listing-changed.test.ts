import path from "node:path";
import type { AuthSession, Listing, Order } from "@tx/api-contracts";
import {
  changeListing,
  registerUsers,
  type Stack,
  startStack,
  type TrpcResult,
  trpcMutation,
  trpcQuery,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quiet, snapshot, violations } from "./invariants";

/**
 * Issue 18: a listing deleted, or repriced, at the same instant as a buyer's
 * orders.create (sent concurrently), and 10 and 50 ms before it, 50 times each, through
 * the services' HTTP APIs as a client would. The buyer then pays with a card that succeeds
 * (4242). No order may ever complete on a deleted listing or at the old price; a buyer
 * whose order could not go ahead is told why.
 */
const infra = withInfra();
const RUNS = Number(process.env.TX_LISTING_RACE_RUNS ?? 50);
const OFFSETS_MS = [0, 10, 50] as const;
const PRICE = 5_000;
const NEW_PRICE = 4_000;
const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
const billing = { name: "B", line1: "1 Road", city: "Leeds", postalCode: "LS1", country: "GB" };

let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    services: ["auth", "tickets", "orders", "payments", "expiration"],
    env: { LOG_LEVEL: "warn" },
  });
  [seller, ...buyers] = (await registerUsers(stack, "race", 31)) as [AuthSession, ...AuthSession[]];
}, 180_000);
afterAll(async () => stack?.stop());

type Kind = "delete" | "reprice";
type Outcome =
  /** The seller's change landed first and orders already knew: create refused. */
  | "create refused"
  /** The buyer's hold won: the seller's change was refused, the sale went ahead unchanged. */
  | "change refused, sold unchanged"
  /** The reprice reached orders before the create: the buyer held, and paid, the new price. */
  | "sold at the new price"
  /** Both happened: the order was cancelled (listing_changed) before any charge. */
  | "cancelled, payment refused"
  /** Both happened and the card was charged first: refunded. */
  | "cancelled, charge refunded";

async function listingsFor(n: number): Promise<Listing[]> {
  const made: Listing[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, (_, j) =>
        trpcMutation<Listing>(
          stack.urls.tickets,
          "create",
          {
            eventName: `Race ${i + j}`,
            venue: "Hall",
            city: "Leeds",
            timeZone: "Europe/London",
            eventDate: new Date(Date.now() + 20 * 86_400_000).toISOString(),
            quantity: 2,
            currency: "USD",
            pricePerTicket: PRICE,
            faceValuePerTicket: PRICE,
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
  await waitFor(
    "every listing in the orders replica",
    async () =>
      (
        await Promise.all(
          made.map((l) =>
            trpcMutation(stack.urls.orders, "create", { ticketId: l.id }, seller.accessToken),
          ),
        )
      ).every((p) => p.error?.data?.code === "FORBIDDEN"),
    { timeoutMs: 120_000 },
  );
  return made;
}

const change = (kind: Kind, listing: Listing) =>
  changeListing(
    stack,
    seller,
    listing,
    kind === "delete" ? "delete" : { pricePerTicket: NEW_PRICE },
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function finalOrder(buyer: AuthSession, orderId: string): Promise<Order> {
  return waitFor(
    "the order to settle",
    async () => {
      const o = (await trpcQuery<Order>(stack.urls.orders, "get", { orderId }, buyer.accessToken))
        .data;
      return o && o.status !== "awaiting_payment" ? o : null;
    },
    { timeoutMs: 30_000 },
  );
}

/** The listing once tickets has marked it sold (order.completed reaches it after the order). */
async function soldListing(listingId: string): Promise<Listing> {
  return waitFor(
    "the listing to be sold",
    async () => {
      const l = (await trpcQuery<Listing>(stack.urls.tickets, "get", { id: listingId })).data;
      return l?.status === "sold" ? l : null;
    },
    { timeoutMs: 30_000 },
  );
}

/** One race: the seller's change `offset` ms before the buyer's create (0: sent together). */
async function race(kind: Kind, offset: number, listing: Listing, buyer: AuthSession) {
  const create = () =>
    trpcMutation<Order>(stack.urls.orders, "create", { ticketId: listing.id }, buyer.accessToken);
  let changed: TrpcResult<unknown>;
  let created: TrpcResult<Order>;
  if (offset === 0) [changed, created] = await Promise.all([change(kind, listing), create()]);
  else {
    const changing = change(kind, listing);
    await sleep(offset);
    created = await create();
    changed = await changing;
  }
  const changeLanded = changed.status === 200;
  if (!created.data) {
    // Refused: the listing was gone or changed in orders' replica already.
    expect(changeLanded, `create refused (${created.error?.message}) yet the change failed`).toBe(
      true,
    );
    expect(created.error?.message).toMatch(/does not exist|just reserved/);
    return { outcome: "create refused" as Outcome, message: created.error?.message ?? "" };
  }
  const order = created.data;
  // The buyer pays at once, as a script (or a quick hand) would.
  let started: TrpcResult<unknown> = { status: 0 };
  await waitFor("payments to know the order", async () => {
    started = await trpcMutation(
      stack.urls.payments,
      "start",
      { orderId: order.id },
      buyer.accessToken,
    );
    return started.status !== 404;
  });
  const charged =
    started.status === 200 &&
    (
      await trpcMutation<{ status: string }>(
        stack.urls.payments,
        "sandbox.confirm",
        { orderId: order.id, card, billing },
        buyer.accessToken,
      )
    ).data?.status === "succeeded";
  const final = await finalOrder(buyer, order.id);

  if (!changeLanded) {
    // The hold came first, so the seller could not change it: a sale at unchanged terms.
    expect(changed.error?.message).toMatch(/reserved by a buyer|changed meanwhile/);
    expect(final.status).toBe(charged ? "complete" : "cancelled");
    if (final.status === "complete") {
      expect((await soldListing(listing.id)).price.amount).toBe(PRICE);
    }
    return { outcome: "change refused, sold unchanged" as Outcome, message: "" };
  }
  if (final.status === "complete") {
    // Only an order made from the repriced listing may complete: at the new price.
    expect(kind, `order ${order.id} completed on a deleted listing`).toBe("reprice");
    expect(final.total.amount, `order ${order.id} completed at the old price`).toBe(NEW_PRICE * 2);
    expect((await soldListing(listing.id)).price.amount).toBe(NEW_PRICE);
    return { outcome: "sold at the new price" as Outcome, message: "" };
  }
  // Made from the listing before the change: never sold, whatever the card did.
  expect(final.cancelReason).toBe("listing_changed");
  expect(final.listingChange).toEqual(
    kind === "delete"
      ? { kind: "deleted" }
      : {
          kind: "changed",
          price: { amount: NEW_PRICE, currency: "USD" },
          total: { amount: NEW_PRICE * 2, currency: "USD" },
        },
  );
  if (charged) {
    await waitFor(
      "the refund",
      async () => (await finalOrder(buyer, order.id)).status === "refunded",
    );
  }
  const note = final.timeline.find((t) => t.status === "cancelled")?.note ?? "";
  expect(note).toMatch(kind === "delete" ? /removed this listing/ : /now costs \$80\.00/);
  return {
    outcome: (charged ? "cancelled, charge refunded" : "cancelled, payment refused") as Outcome,
    message: note,
  };
}

describe("a listing that changes as a buyer presses Purchase", () => {
  it(`is never sold at the old terms: delete and reprice, at 0, 10 and 50 ms, ${RUNS} times each`, async () => {
    const cases = (["delete", "reprice"] as const).flatMap((kind) =>
      OFFSETS_MS.flatMap((offset) => Array.from({ length: RUNS }, () => ({ kind, offset }))),
    );
    const listings = await listingsFor(cases.length);
    const tally: Record<string, Record<string, number>> = {};
    // As many races at once as there are buyers; each buyer runs its own one after another.
    const lanes = buyers.map(async (buyer, lane) => {
      for (let i = lane; i < cases.length; i += buyers.length) {
        const c = cases[i] as (typeof cases)[number];
        const { outcome } = await race(c.kind, c.offset, listings[i] as Listing, buyer);
        const key = `${c.kind} @ ${c.offset} ms`;
        tally[key] ??= {};
        (tally[key] as Record<string, number>)[outcome] =
          ((tally[key] as Record<string, number>)[outcome] ?? 0) + 1;
      }
    });
    await Promise.all(lanes);
    console.log(`listing races (${cases.length}):\n${JSON.stringify(tally, null, 2)}`);

    // Every store, once the events have settled: nothing sold twice or charged for nothing.
    let last: Awaited<ReturnType<typeof snapshot>> | undefined;
    const settled = await waitFor(
      "events to settle",
      async () => {
        last = await snapshot(infra.infra.urls.MONGO_URL, infra.infra.urls.NATS_URL);
        return quiet(last) ? last : null;
      },
      { timeoutMs: 60_000 },
    ).catch((err: Error) => {
      const busy = last?.pendingConsumers.filter((c) => c.pending > 0 || c.ackPending > 0);
      throw new Error(`${err.message}: outbox ${last?.pendingOutbox}, ${JSON.stringify(busy)}`);
    });
    expect(violations(settled)).toEqual([]);
    expect(settled.deadLetters).toEqual([]);
  }, 1_800_000);
});
