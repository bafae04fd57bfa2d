import { randomBytes } from "node:crypto";
import {
  buildEnvelope,
  connectDatabase,
  createLogger,
  createRedis,
  disconnectDatabase,
  EventBus,
} from "@tx/service-kit";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderCreatedConsumer } from "../events/consumers/order-events";
import { HoldModel } from "../models/hold";
import { type ExpirationQueue, startExpirationQueue } from "../queue/expiration-queue";
import { missingJobs } from "./missing-jobs";

const env = withInfra(["mongo", "nats", "redis"]);
const log = createLogger("missing-jobs-test", "silent");
let bus: EventBus;
let queue: ExpirationQueue;
const fired = new Set<string>();

beforeAll(async () => {
  await connectDatabase(env.infra.urls.MONGO_URL, "tx_expiration");
  bus = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: "mjtest", log });
  await bus.consume({
    subject: "expiration.completed",
    handle: async (event) => {
      fired.add(event.data.orderId);
    },
  });
  queue = await startExpirationQueue(env.infra.urls.REDIS_URL, bus, log);
});
afterAll(async () => {
  await queue.stop();
  await bus.close();
  await disconnectDatabase();
});

const oid = () => randomBytes(12).toString("hex");
const created = (id: string, inMs: number) =>
  buildEnvelope("order.created", {
    id,
    version: 0,
    userId: oid(),
    status: "awaiting_payment",
    expiresAt: new Date(Date.now() + inMs).toISOString(),
    ticket: {
      id: oid(),
      version: 0,
      price: { amount: 9_000, currency: "USD" },
      title: "Big Thief",
      eventDate: new Date(Date.now() + 864e6).toISOString(),
      venue: "Ryman",
      city: "Nashville",
      quantity: 2,
    },
  });

async function pass() {
  const fixes: string[] = [];
  await missingJobs(() => queue).run({ log, fixed: (kind) => fixes.push(kind) });
  return fixes;
}

describe("the missing-jobs reconciler", () => {
  it("schedules again every live hold whose job Redis lost, and the hold still ends", async () => {
    const ids = [oid(), oid(), oid()];
    for (const id of ids) await orderCreatedConsumer(() => queue).handle(created(id, 2_000), log);
    expect(await HoldModel.countDocuments({ _id: { $in: ids } })).toBe(3);
    expect(await pass()).toEqual([]);

    // Redis loses its data (a volume lost, a FLUSHALL): the delayed jobs are gone.
    const redis = createRedis(env.infra.urls.REDIS_URL, "flush", log);
    await redis.flushall();
    redis.disconnect();
    expect(await queue.queue.getJob(ids[0] as string)).toBeUndefined();

    const fixes = await pass();
    expect(fixes.filter((k) => k === "missing_job_scheduled")).toHaveLength(3);
    await waitFor("every hold to end", async () => ids.every((id) => fired.has(id)), {
      timeoutMs: 15_000,
    });
    // Scheduled once: a second pass finds every job.
    expect(await pass()).toEqual([]);
  });
});
