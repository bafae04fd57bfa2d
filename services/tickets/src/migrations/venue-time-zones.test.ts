import { randomBytes } from "node:crypto";
import { EVENTS_STREAM } from "@tx/api-contracts";
import { createLogger, runPendingMigrations } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TicketModel } from "../models/ticket";
import { venueTimeZones } from "./venue-time-zones";

const infra = withInfra(["mongo", "nats"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
const log = createLogger("test", "silent");
const oid = () => new mongoose.Types.ObjectId();

beforeAll(async () => {
  conn = await connectServiceForTest("tickets", infra.infra.urls);
});
afterAll(async () => conn.close());

/** A listing as the service stored it before zones: written raw, without the new fields. */
async function legacyListing(city: string, eventDate: string, over: Record<string, unknown> = {}) {
  const _id = oid();
  await TicketModel.collection.insertOne({
    _id,
    eventName: "Old show",
    venue: "Hall",
    city,
    cityKey: city.toLowerCase(),
    eventDate: new Date(eventDate),
    quantity: 1,
    currency: "USD",
    pricePerTicket: 5_000,
    faceValuePerTicket: 5_000,
    sellerId: randomBytes(12).toString("hex"),
    sellerName: "Sam",
    status: "available",
    searchTerms: [],
    deletedAt: null,
    version: 3,
    outbox: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...over,
  });
  return _id;
}

describe("the venue time zone migration", () => {
  it("zones each listing from its city (UTC when unknown), once, announcing the change", async () => {
    const ny = await legacyListing("New York", "2030-12-09T04:30:00Z");
    const nowhere = await legacyListing("Atlantis", "2030-12-09T04:30:00Z");
    const gone = await legacyListing("London", "2030-12-09T04:30:00Z", { deletedAt: new Date() });
    const seqBefore = (await conn.bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq;

    const first = await runPendingMigrations([venueTimeZones], log);
    expect(first).toEqual([{ id: "2026-12-venue-time-zones", changed: 3 }]);

    const read = async (id: mongoose.Types.ObjectId) => TicketModel.findById(id).lean();
    expect(await read(ny)).toMatchObject({
      timeZone: "America/New_York",
      localDate: "2030-12-08",
      version: 4,
      outbox: [],
    });
    expect(await read(nowhere)).toMatchObject({
      timeZone: "UTC",
      localDate: "2030-12-09",
      version: 4,
    });
    // A deleted listing is filled in quietly: no event for what nobody can see.
    expect(await read(gone)).toMatchObject({ timeZone: "Europe/London", version: 3 });

    // Two ticket.updated, with the zone, for the other services' replicas.
    const stream = await conn.bus.jsm.streams.info(EVENTS_STREAM);
    expect(stream.state.last_seq - seqBefore).toBe(2);
    const last = await conn.bus.jsm.streams.getMessage(EVENTS_STREAM, {
      seq: stream.state.last_seq,
    });
    expect(last?.json<{ type: string; data: { timeZone: string } }>()).toMatchObject({
      type: "ticket.updated",
      data: { timeZone: "UTC" },
    });

    // The marker makes a second start skip it; the work itself would change nothing either.
    expect(await runPendingMigrations([venueTimeZones], log)).toEqual([
      { id: "2026-12-venue-time-zones", changed: "already done" },
    ]);
    expect(await venueTimeZones.run(log)).toBe(0);
    const marker = await mongoose.connection.db?.collection("migrations").findOne({});
    expect(marker).toMatchObject({ _id: "2026-12-venue-time-zones", changed: 3 });
  });
});
