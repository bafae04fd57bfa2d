import { withInfra } from "@tx/test-kit/vitest";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase, pingDatabase } from "./db";

const env = withInfra(["mongo"]);

const Seat = mongoose.model(
  "Seat",
  new mongoose.Schema(
    {
      code: { type: String, required: true, unique: true },
      holder: { type: String, default: null },
      price: { type: Number, required: true },
    },
    { optimisticConcurrency: true },
  ),
);

beforeAll(async () => {
  await connectDatabase(env.infra.urls.MONGO_URL, "tx_kit_db_test");
  await Seat.init();
});
afterAll(disconnectDatabase);

describe("mongoose on the embedded MongoDB-protocol server", () => {
  it("answers a ping", async () => {
    await expect(pingDatabase()).resolves.toBeUndefined();
  });

  it("refuses a duplicate under a unique index", async () => {
    await Seat.create({ code: "A-1", price: 100 });
    await expect(Seat.create({ code: "A-1", price: 200 })).rejects.toMatchObject({ code: 11000 });
    expect(await Seat.countDocuments({ code: "A-1" })).toBe(1);
  });

  it("lets exactly one of 50 concurrent conditional writers win", async () => {
    await Seat.create({ code: "B-7", price: 100 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        Seat.findOneAndUpdate(
          { code: "B-7", holder: null },
          { $set: { holder: `buyer-${i}` } },
          { returnDocument: "after" },
        ),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    const stored = await Seat.findOne({ code: "B-7" }).lean();
    expect(stored?.holder).toBe(winners[0]?.holder);
  });

  it("lets exactly one of 50 concurrent inserts of the same unique key succeed", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => Seat.create({ code: "D-9", price: 100 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await Seat.countDocuments({ code: "D-9" })).toBe(1);
  });

  it("increments the version on each save and refuses a stale copy", async () => {
    const seat = await Seat.create({ code: "C-3", price: 100 });
    expect(seat.__v).toBe(0);
    const first = await Seat.findById(seat._id);
    const stale = await Seat.findById(seat._id);
    if (!first || !stale) throw new Error("seat not found");
    first.price = 150;
    await first.save();
    expect(first.__v).toBe(1);
    stale.price = 175;
    await expect(stale.save()).rejects.toBeInstanceOf(mongoose.Error.VersionError);
    expect((await Seat.findById(seat._id).lean())?.price).toBe(150);
  });
});
