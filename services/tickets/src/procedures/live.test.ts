import { randomBytes } from "node:crypto";
import type { CreateListingInput, LiveUpdate } from "@tx/api-contracts";
import { createLogger } from "@tx/service-kit";
import { callerFor, connectServiceForTest, testContext } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
type Router = typeof import("../trpc/router")["ticketsRouter"];
let caller: ReturnType<typeof callerFor<Router>>;
let router: Router;
let stopFeed: () => Promise<void>;

const oid = () => randomBytes(12).toString("hex");
const seller = { id: oid(), name: "Sam Seller", email: "sam@example.com" };
const city = `Livetown ${oid().slice(0, 6)}`;

const valid = (over: Partial<CreateListingInput> = {}): CreateListingInput => ({
  eventName: "Phoebe Bridgers",
  venue: "Greek Theatre",
  city: "Berkeley",
  eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  timeZone: "America/Los_Angeles",
  quantity: 2,
  currency: "USD",
  pricePerTicket: 8_500,
  faceValuePerTicket: 8_500,
  ...over,
});

beforeAll(async () => {
  Object.assign(process.env, infra.infra.urls, {
    PORT: "0",
    AUTH_JWKS_URL: "http://127.0.0.1:1/jwks",
    PRICE_CAP_RATIO: "1.1",
    SAVED_SEARCH_SECRET: "test-secret-for-unsubscribe-links-0123456789",
  });
  conn = await connectServiceForTest("tickets", infra.infra.urls);
  const { ticketsRouter } = await import("../trpc/router");
  const { ticketFeed } = await import("../live/feed");
  ticketFeed.attach(conn.bus, createLogger("tickets", "silent"));
  stopFeed = () => ticketFeed.stop();
  router = ticketsRouter;
  caller = callerFor(ticketsRouter);
});
afterAll(async () => {
  await stopFeed();
  await conn.close();
});

type Tracked = { id: string; data: LiveUpdate };

/** An open subscription: its events as they come, and how to close it. */
async function subscribe(input: Parameters<ReturnType<typeof caller>["live"]>[0]) {
  const abort = new AbortController();
  // The signal is the caller's (over HTTP, the request's: a closed page ends the stream).
  const stream = await router.createCaller(testContext(null), { signal: abort.signal }).live(input);
  const received: Tracked[] = [];
  const waiters: (() => void)[] = [];
  const done = (async () => {
    // In process, a tracked event is tRPC's envelope [id, data]; a client sees { id, data }.
    for await (const [id, data] of stream as unknown as AsyncIterable<[string, LiveUpdate]>) {
      received.push({ id, data });
      for (const w of waiters.splice(0)) w();
    }
  })().catch(() => undefined);
  const next = async (count: number, timeoutMs = 10_000): Promise<Tracked[]> => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${received.length} of ${count} events`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return received.slice(0, count);
  };
  return {
    received,
    next,
    close: async () => {
      abort.abort();
      await done;
    },
  };
}

describe("live availability (tickets.live)", () => {
  it("sends the listings' state now, then each change, tagged with the stream sequence", async () => {
    const listing = await caller(seller).create(valid());
    const live = await subscribe({ ids: [listing.id] });
    const [first] = await live.next(1);
    expect(first?.data).toMatchObject({ kind: "listing", id: listing.id, status: "available" });
    await caller(seller).update({ id: listing.id, changes: { ...valid(), pricePerTicket: 7_000 } });
    const [, change] = await live.next(2);
    expect(change?.data).toMatchObject({
      kind: "listing",
      id: listing.id,
      version: 1,
      status: "available",
      price: { amount: 7_000, currency: "USD" },
    });
    expect(Number(change?.id)).toBeGreaterThan(Number(first?.id));
    await caller(seller).delete({ id: listing.id });
    const [, , gone] = await live.next(3);
    expect(gone?.data).toMatchObject({ kind: "listing", id: listing.id, status: "deleted" });
    await live.close();
  });

  it("resumes after the last event id: what was missed is replayed, not the state again", async () => {
    const listing = await caller(seller).create(valid());
    const first = await subscribe({ ids: [listing.id] });
    const [snapshot] = await first.next(1);
    await first.close();
    // While disconnected: two changes.
    await caller(seller).update({ id: listing.id, changes: { ...valid(), pricePerTicket: 8_000 } });
    await caller(seller).update({ id: listing.id, changes: { ...valid(), pricePerTicket: 7_500 } });
    const again = await subscribe({ ids: [listing.id], lastEventId: snapshot?.id });
    const events = await again.next(2);
    expect(events.map((e) => e.data)).toMatchObject([
      { version: 1, price: { amount: 8_000 } },
      { version: 2, price: { amount: 7_500 } },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.received).toHaveLength(2);
    await again.close();
  });

  it("announces a new listing that matches the page's search, and no other", async () => {
    const live = await subscribe({ ids: [], search: { city, maxPrice: 9_000 } });
    await caller(seller).create(valid({ city, pricePerTicket: 9_500, faceValuePerTicket: 9_500 }));
    await caller(seller).create(valid({ city: "Elsewhere" }));
    const match = await caller(seller).create(valid({ city, eventName: "Big Thief" }));
    const [event] = await live.next(1);
    expect(event?.data).toEqual({ kind: "new", id: match.id, eventName: "Big Thief" });
    await new Promise((r) => setTimeout(r, 300));
    expect(live.received).toHaveLength(1);
    await live.close();
  });

  it("refuses more listings than a page shows and a malformed last event id", async () => {
    await expect(caller(null).live({ ids: Array.from({ length: 61 }, oid) })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
    await expect(caller(null).live({ ids: [], lastEventId: "1; drop" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
