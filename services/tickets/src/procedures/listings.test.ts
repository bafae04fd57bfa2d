import { randomBytes } from "node:crypto";
import type { CreateListingInput } from "@tx/api-contracts";
import { callerFor, connectServiceForTest, errorOf } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
type Router = typeof import("../trpc/router")["ticketsRouter"];
let caller: ReturnType<typeof callerFor<Router>>;
const as = (user: { id: string; name: string } | null) =>
  caller(user ? { ...user, email: `${user.id}@example.com` } : null);

const oid = () => randomBytes(12).toString("hex");
const seller = { id: oid(), name: "Sam Seller", email: "sam@example.com" };
const other = { id: oid(), name: "Olive Other", email: "olive@example.com" };
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const valid = (over: Partial<CreateListingInput> = {}): CreateListingInput => ({
  eventName: "Phoebe Bridgers",
  venue: "Greek Theatre",
  city: "Berkeley",
  eventDate: inDays(30),
  timeZone: "America/Los_Angeles",
  section: "Floor",
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
  const { TicketModel } = await import("../models/ticket");
  await TicketModel.init();
  caller = callerFor(ticketsRouter);
});
afterAll(async () => conn.close());

async function reserve(id: string) {
  const { TicketModel } = await import("../models/ticket");
  await TicketModel.updateOne({ _id: id }, { $set: { status: "reserved", orderId: oid() } });
}

describe("creating a listing", () => {
  it("stores every detail and the lot total", async () => {
    const listing = await as(seller).create(valid({ seats: "12-13", note: "Aisle seats" }));
    expect(listing).toMatchObject({
      eventName: "Phoebe Bridgers",
      sellerId: seller.id,
      sellerName: "Sam Seller",
      status: "available",
      version: 0,
      total: { amount: 17_000, currency: "USD" },
      seats: "12-13",
    });
  });

  it("refuses an anonymous caller", async () => {
    expect((await errorOf(as(null).create(valid()))).code).toBe("UNAUTHORIZED");
  });

  it.each([
    ["a past date", { eventDate: inDays(-1) }, "eventDate"],
    ["a zero price", { pricePerTicket: 0 }, "pricePerTicket"],
    ["a negative price", { pricePerTicket: -500 }, "pricePerTicket"],
    ["a fractional price", { pricePerTicket: 10.5 }, "pricePerTicket"],
    ["zero tickets", { quantity: 0 }, "quantity"],
    ["eleven tickets", { quantity: 11 }, "quantity"],
    ["an over-long event name", { eventName: "x".repeat(121) }, "eventName"],
    ["an over-long note", { note: "x".repeat(1001) }, "note"],
    ["an empty venue", { venue: "   " }, "venue"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["no time zone", { timeZone: undefined }, "timeZone"],
  ])("refuses %s with a message on that field", async (_why, over, field) => {
    const err = await errorOf(as(seller).create(valid(over as Partial<CreateListingInput>)));
    expect(err.code).toBe("BAD_REQUEST");
    const issues = JSON.parse(err.message) as { path: string[]; message: string }[];
    expect(issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("refuses a price above the cap and says the most allowed", async () => {
    const err = await errorOf(
      as(seller).create(valid({ faceValuePerTicket: 10_000, pricePerTicket: 11_001 })),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toContain("at most $110.00");
    await expect(
      as(seller).create(valid({ faceValuePerTicket: 10_000, pricePerTicket: 11_000 })),
    ).resolves.toBeTruthy();
  });
});

describe("editing and deleting", () => {
  it("lets the seller edit an available listing, bumping its version", async () => {
    const listing = await as(seller).create(valid());
    const edited = await as(seller).update({
      id: listing.id,
      changes: valid({ pricePerTicket: 7_000 }),
    });
    expect(edited).toMatchObject({ version: 1, price: { amount: 7_000 } });
  });

  it("refuses another user and an anonymous caller, for update and delete", async () => {
    const listing = await as(seller).create(valid());
    expect((await errorOf(as(other).update({ id: listing.id, changes: valid() }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(as(other).delete({ id: listing.id }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as(null).update({ id: listing.id, changes: valid() }))).code).toBe(
      "UNAUTHORIZED",
    );
    expect((await errorOf(as(null).delete({ id: listing.id }))).code).toBe("UNAUTHORIZED");
    expect((await as(null).get({ id: listing.id })).version).toBe(0);
  });

  it("refuses to edit or delete a reserved listing, even for its seller", async () => {
    const listing = await as(seller).create(valid());
    await reserve(listing.id);
    const edit = await errorOf(as(seller).update({ id: listing.id, changes: valid() }));
    expect(edit.code).toBe("CONFLICT");
    expect(edit.message).toMatch(/reserved/);
    expect((await errorOf(as(seller).delete({ id: listing.id }))).message).toMatch(/reserved/);
  });

  it("refuses to edit or delete a sold listing", async () => {
    const listing = await as(seller).create(valid());
    const { TicketModel } = await import("../models/ticket");
    await TicketModel.updateOne({ _id: listing.id }, { $set: { status: "sold", orderId: oid() } });
    expect(
      (await errorOf(as(seller).update({ id: listing.id, changes: valid() }))).message,
    ).toMatch(/sold/);
    expect((await errorOf(as(seller).delete({ id: listing.id }))).message).toMatch(/sold/);
  });

  it("deletes: gone from get, list and mine", async () => {
    const listing = await as(seller).create(valid({ eventName: "Deleted Show" }));
    await as(seller).delete({ id: listing.id });
    expect((await errorOf(as(null).get({ id: listing.id }))).code).toBe("NOT_FOUND");
    const page = await as(null).list({ q: "Deleted Show" });
    expect(page.items.map((l: { id: string }) => l.id)).not.toContain(listing.id);
    const mine = await as(seller).mine();
    expect(mine.map((l: { id: string }) => l.id)).not.toContain(listing.id);
  });

  it("answers a malformed id with a 400, not a crash", async () => {
    expect((await errorOf(as(null).get({ id: "not-an-id" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(as(null).get({ id: { $gt: "" } as never }))).code).toBe("BAD_REQUEST");
  });
});

describe("browsing", () => {
  it("searches event, venue and city case-insensitively, filters and sorts", async () => {
    const tag = `Zq${randomBytes(3).toString("hex")}`;
    const a = await as(seller).create(
      valid({
        eventName: `${tag} Orchestra`,
        city: "Lyon",
        pricePerTicket: 3_000,
        faceValuePerTicket: 3_000,
        eventDate: inDays(10),
      }),
    );
    const b = await as(seller).create(
      valid({
        eventName: `The ${tag} Band`,
        city: "Paris",
        pricePerTicket: 2_000,
        faceValuePerTicket: 2_000,
        eventDate: inDays(20),
      }),
    );
    const c = await as(seller).create(
      valid({
        eventName: `${tag} Revue`,
        venue: "Salle Pleyel",
        city: "paris",
        pricePerTicket: 9_000,
        faceValuePerTicket: 9_000,
        eventDate: inDays(5),
      }),
    );
    await reserve(c.id);

    const ids = (page: { items: { id: string }[] }) => page.items.map((l) => l.id);
    expect(ids(await as(null).list({ q: tag.toLowerCase() }))).toEqual([a.id, b.id]);
    expect(ids(await as(null).list({ q: `${tag.toUpperCase()} band` }))).toEqual([b.id]);
    expect(ids(await as(null).list({ q: tag, city: "PARIS" }))).toEqual([b.id]);
    expect(ids(await as(null).list({ q: tag, sort: "price" }))).toEqual([b.id, a.id]);
    expect(ids(await as(null).list({ q: tag, sort: "newest" }))).toEqual([b.id, a.id]);
    expect(ids(await as(null).list({ q: tag, maxPrice: 2_500 }))).toEqual([b.id]);
    expect(ids(await as(null).list({ q: tag, from: inDays(15).slice(0, 10) }))).toEqual([b.id]);
    expect(ids(await as(null).list({ q: "ple" }))).not.toContain(c.id); // reserved: hidden
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const tag = `Pg${randomBytes(3).toString("hex")}`;
    const created = [];
    for (let i = 0; i < 7; i++)
      created.push(
        await as(seller).create(
          valid({ eventName: `${tag} ${i}`, eventDate: inDays(40 + (i % 3)) }),
        ),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await as(null).list({
        q: tag,
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((l) => l.id)));
  });

  it("lists one seller's available listings", async () => {
    const mine = await as(other).create(valid({ eventName: "Other's show" }));
    const page = await as(null).list({ sellerId: other.id });
    expect(page.items.map((l: { id: string }) => l.id)).toContain(mine.id);
    expect(page.items.every((l: { sellerId: string }) => l.sellerId === other.id)).toBe(true);
  });

  it("refuses a forged cursor with a 400", async () => {
    expect((await errorOf(as(null).list({ cursor: "eyJ2Ijp7IiRndCI6IiJ9fQ" }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("shows the seller their listings in every status, and nobody else's", async () => {
    const mine = await as(seller).create(valid({ eventName: "Mine Reserved" }));
    await reserve(mine.id);
    const theirs = await as(other).create(valid({ eventName: "Theirs" }));
    const listed = (await as(seller).mine()).map((l: { id: string }) => l.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(theirs.id);
    expect((await errorOf(as(null).mine())).code).toBe("UNAUTHORIZED");
  });
});

describe("venue time zones", () => {
  // A year ahead, so the dates stay in the future; Dec 8 of that year.
  const year = new Date().getUTCFullYear() + 1;
  const dec8 = `${year}-12-08`;

  it("keeps the venue's zone and the event's local day", async () => {
    // 23:30 in New York on Dec 8 is 04:30 UTC on Dec 9.
    const late = await as(seller).create(
      valid({
        city: "New York",
        timeZone: "America/New_York",
        eventDate: `${year}-12-09T04:30:00.000Z`,
      }),
    );
    expect(late).toMatchObject({ timeZone: "America/New_York", localDate: dec8 });
    const london = await as(seller).create(
      valid({
        city: "London",
        timeZone: "Europe/London",
        eventDate: `${year}-12-09T04:30:00.000Z`,
      }),
    );
    expect(london.localDate).toBe(`${year}-12-09`);
  });

  it("filters by venue-local days: Dec 8 includes 23:30 in New York, not 04:30 in London", async () => {
    const tag = `Tz${randomBytes(3).toString("hex")}`;
    const instant = `${year}-12-09T04:30:00.000Z`;
    const ny = await as(seller).create(
      valid({
        eventName: `${tag} NY`,
        city: "New York",
        timeZone: "America/New_York",
        eventDate: instant,
      }),
    );
    const ldn = await as(seller).create(
      valid({
        eventName: `${tag} LDN`,
        city: "London",
        timeZone: "Europe/London",
        eventDate: instant,
      }),
    );
    const ids = async (from?: string, to?: string) =>
      (await as(null).list({ q: tag, from, to })).items.map((l: { id: string }) => l.id).sort();
    expect(await ids(dec8, dec8)).toEqual([ny.id]);
    expect(await ids(dec8)).toEqual([ny.id, ldn.id].sort());
    expect(await ids(`${year}-12-09`)).toEqual([ldn.id]);
    expect(await ids(undefined, dec8)).toEqual([ny.id]);
  });

  it("moves the local day when the seller changes the zone", async () => {
    const listing = await as(seller).create(
      valid({ timeZone: "America/New_York", eventDate: `${year}-12-09T04:30:00.000Z` }),
    );
    const moved = await as(seller).update({
      id: listing.id,
      changes: valid({ timeZone: "Europe/Paris", eventDate: `${year}-12-09T04:30:00.000Z` }),
    });
    expect(moved).toMatchObject({ timeZone: "Europe/Paris", localDate: `${year}-12-09` });
  });
});
