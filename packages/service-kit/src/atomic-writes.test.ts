import { FerretdbBackend } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// What correctness depends on: a conditional write matches and writes one document
// atomically, across connections, as on MongoDB. FerretDB 1.x does it only with our patch
// scripts/patches/ferretdb-v1.24.2-atomic-writes.patch (without it, several connections win).

type Doc = { _id: string; state?: string; by?: number; n?: number };

const CONNECTIONS = 20;
const ROUNDS = 50;
const INCREMENTS = 500;

// One client per connection: a pool of 20 may open fewer, and the race is between connections.
const clients: mongoose.mongo.MongoClient[] = [];
const collections = (name: string) =>
  clients.map((c) => c.db("tx_atomic_writes_test").collection<Doc>(name));

/** Every connection sends `write` at once; returns how many rounds had exactly one winner. */
async function race(
  name: string,
  write: (coll: mongoose.mongo.Collection<Doc>, id: string, i: number) => Promise<boolean>,
): Promise<number[]> {
  const colls = collections(name);
  const winnersPerRound: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const id = `r${round}`;
    await colls[0]?.insertOne({ _id: id, state: "open" });
    const won = await Promise.all(colls.map((coll, i) => write(coll, id, i)));
    winnersPerRound.push(won.filter(Boolean).length);
  }
  return winnersPerRound;
}

/** INCREMENTS writes spread over every connection, CONNECTIONS at a time. */
async function spread(
  name: string,
  write: (coll: mongoose.mongo.Collection<Doc>) => Promise<void>,
) {
  const colls = collections(name);
  for (let done = 0; done < INCREMENTS; done += CONNECTIONS) {
    await Promise.all(colls.map((coll) => write(coll)));
  }
  return colls[0] as mongoose.mongo.Collection<Doc>;
}

describe.each(FerretdbBackend.options)(
  `atomic writes on FerretDB on %s (${CONNECTIONS} connections)`,
  (backend) => {
    const env = withInfra(["mongo"], { ferretdbBackend: backend });
    beforeAll(async () => {
      for (let i = 0; i < CONNECTIONS; i++) {
        const client = new mongoose.mongo.MongoClient(env.infra.urls.MONGO_URL, {
          maxPoolSize: 1,
          retryWrites: false,
        });
        await client.connect();
        clients.push(client);
      }
    });
    afterAll(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    it(`findOneAndUpdate: exactly one connection wins a conditional update, ${ROUNDS} rounds`, async () => {
      const winners = await race("fau_race", async (coll, id, i) => {
        const before = await coll.findOneAndUpdate(
          { _id: id, state: "open" },
          { $set: { state: "taken", by: i } },
        );
        return before !== null;
      });
      expect(winners).toEqual(Array(ROUNDS).fill(1));
    });

    it(`findOneAndUpdate: ${INCREMENTS} $inc add up to ${INCREMENTS}`, async () => {
      await collections("fau_inc")[0]?.insertOne({ _id: "counter", n: 0 });
      const coll = await spread("fau_inc", async (c) => {
        await c.findOneAndUpdate({ _id: "counter" }, { $inc: { n: 1 } });
      });
      expect((await coll.findOne({ _id: "counter" }))?.n).toBe(INCREMENTS);
    });

    it(`updateOne: exactly one connection modifies under a condition, ${ROUNDS} rounds`, async () => {
      const winners = await race("uo_race", async (coll, id, i) => {
        const res = await coll.updateOne(
          { _id: id, state: "open" },
          { $set: { state: "taken", by: i } },
        );
        return res.modifiedCount === 1;
      });
      expect(winners).toEqual(Array(ROUNDS).fill(1));
    });

    it(`updateOne: ${INCREMENTS} $inc add up to ${INCREMENTS}`, async () => {
      await collections("uo_inc")[0]?.insertOne({ _id: "counter", n: 0 });
      const coll = await spread("uo_inc", async (c) => {
        await c.updateOne({ _id: "counter" }, { $inc: { n: 1 } });
      });
      expect((await coll.findOne({ _id: "counter" }))?.n).toBe(INCREMENTS);
    });

    it(`findOneAndDelete: exactly one connection gets the document, ${ROUNDS} rounds`, async () => {
      const winners = await race("fad_race", async (coll, id) => {
        return (await coll.findOneAndDelete({ _id: id, state: "open" })) !== null;
      });
      expect(winners).toEqual(Array(ROUNDS).fill(1));
    });

    it(`findOneAndDelete: ${INCREMENTS} deletes over ${INCREMENTS} documents each return a different one`, async () => {
      await collections("fad_all")[0]?.insertMany(
        Array.from({ length: INCREMENTS }, (_, i) => ({ _id: `d${i}`, n: i })),
      );
      const got: string[] = [];
      const coll = await spread("fad_all", async (c) => {
        const doc = await c.findOneAndDelete({});
        if (doc) got.push(doc._id);
      });
      expect(got).toHaveLength(INCREMENTS);
      expect(new Set(got).size).toBe(INCREMENTS);
      expect(await coll.countDocuments({})).toBe(0);
    });
  },
);
