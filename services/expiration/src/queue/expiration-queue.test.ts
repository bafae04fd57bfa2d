import { randomBytes } from "node:crypto";
import { createLogger, EventBus } from "@tx/service-kit";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExpirationQueue } from "./expiration-queue";

const env = withInfra(["nats", "redis"]);
const log = createLogger("expiration-test", "silent");
let bus: EventBus;
let expirations: Awaited<ReturnType<typeof startExpirationQueue>>;
const fired = new Map<string, number[]>();

beforeAll(async () => {
  bus = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: "exptest", log });
  await bus.consume({
    subject: "expiration.completed",
    handle: async (event) => {
      fired.set(event.data.orderId, [...(fired.get(event.data.orderId) ?? []), Date.now()]);
    },
  });
  expirations = await startExpirationQueue(env.infra.urls.REDIS_URL, bus, log);
});
afterAll(async () => {
  await expirations.stop();
  await bus.close();
});

const orderId = () => randomBytes(12).toString("hex");

describe("expiration queue (BullMQ on Redis)", () => {
  it("fires a delayed job on time and publishes expiration.completed once", async () => {
    const id = orderId();
    const expiresAt = new Date(Date.now() + 1_500);
    await expirations.schedule(id, expiresAt);
    await expirations.schedule(id, expiresAt); // a redelivered order.created
    await waitFor("the expiration", async () => fired.has(id), { timeoutMs: 10_000 });
    const [at] = fired.get(id) ?? [];
    const lateness = (at ?? 0) - expiresAt.getTime();
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1_500);
    await new Promise((r) => setTimeout(r, 500));
    expect(fired.get(id)).toHaveLength(1);
  });

  it("still fires after redis-server is killed and restarted before the job's time", async () => {
    const id = orderId();
    const expiresAt = new Date(Date.now() + 3_000);
    await expirations.schedule(id, expiresAt);
    await env.infra.kill("redis");
    await new Promise((r) => setTimeout(r, 500));
    await env.infra.start("redis");
    await waitFor("the expiration after the restart", async () => fired.has(id), {
      timeoutMs: 15_000,
    });
    expect((fired.get(id)?.[0] ?? 0) - expiresAt.getTime()).toBeGreaterThanOrEqual(0);
  });
});
