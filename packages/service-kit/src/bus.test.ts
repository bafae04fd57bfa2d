import { randomUUID } from "node:crypto";
import {
  DEAD_LETTER_STREAM,
  type Envelope,
  EVENTS_STREAM,
  EVENTS_STREAM_SUBJECTS,
  type EventData,
} from "@tx/api-contracts";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildEnvelope,
  EventBus,
  PermanentError,
  RETRY_CAP_MS,
  RetryLater,
  retryDelay,
} from "./bus";
import { createLogger } from "./logger";

const env = withInfra(["nats"]);
const log = createLogger("bus-test", "silent");
let bus: EventBus;
const extraBuses: EventBus[] = [];

beforeAll(async () => {
  bus = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: "bustest", log });
});
afterAll(async () => {
  for (const b of extraBuses) await b.close();
  await bus.close();
});

const oid = () => randomUUID().replaceAll("-", "").slice(0, 24);
const registered = (name: string): EventData<"user.registered"> => ({
  id: oid(),
  email: `${name}@example.com`,
  name,
});

async function serviceBus(service: string) {
  const b = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service, log });
  extraBuses.push(b);
  return b;
}

async function deadLetters(durablePrefix: string) {
  const consumer = await bus.js.consumers.get(DEAD_LETTER_STREAM);
  const found: { durable: string; error: string; payload: string }[] = [];
  const info = await bus.jsm.streams.info(DEAD_LETTER_STREAM);
  for (let i = 0; i < info.state.messages; i++) {
    const m = await consumer.next({ expires: 1_000 });
    if (!m) break;
    const record = m.json<{ durable: string; error: string; payload: string }>();
    if (record.durable.startsWith(durablePrefix)) found.push(record);
  }
  return found;
}

describe("event bus on NATS JetStream", () => {
  it("creates its streams idempotently", async () => {
    await bus.ensureStreams();
    await bus.ensureStreams();
    const names = [];
    for await (const s of bus.jsm.streams.list()) names.push(s.config.name);
    expect(names).toEqual(expect.arrayContaining([EVENTS_STREAM, DEAD_LETTER_STREAM]));
  });

  it("adds subject families that a stream made by an older version lacks", async () => {
    const info = await bus.jsm.streams.info(EVENTS_STREAM);
    await bus.jsm.streams.update(EVENTS_STREAM, {
      subjects: info.config.subjects.filter((s) => s !== "delivery.>"),
    });
    await bus.ensureStreams();
    const after = await bus.jsm.streams.info(EVENTS_STREAM);
    expect(after.config.subjects).toEqual(expect.arrayContaining(EVENTS_STREAM_SUBJECTS));
  });

  it("drops a second message with the same Nats-Msg-Id", async () => {
    const envelope = buildEnvelope("user.registered", registered("dup"));
    const first = await bus.publish(envelope);
    const second = await bus.publish(envelope);
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
  });

  it("refuses to publish data that the catalog does not accept", () => {
    expect(() =>
      buildEnvelope("user.registered", { id: "nope", email: "x", name: "" } as never),
    ).toThrow();
  });

  it("redelivers a message that the handler failed", async () => {
    const consumerBus = await serviceBus("redeliver");
    const target = registered("redeliver");
    const attempts: number[] = [];
    await consumerBus.consume({
      subject: "user.registered",
      handle: async (event) => {
        if (event.data.id !== target.id) return;
        attempts.push(Date.now());
        if (attempts.length === 1) throw new Error("database briefly unavailable");
      },
    });
    await bus.publish(buildEnvelope("user.registered", target));
    await waitFor("the redelivery", async () => attempts.length >= 2, { timeoutMs: 10_000 });
    expect(attempts).toHaveLength(2);
  });

  it("shares a durable consumer between replicas: each message is handled once", async () => {
    const [a, b] = [await serviceBus("shared"), await serviceBus("shared")];
    const seen = new Map<string, string[]>();
    const handler = (replica: string) => async (event: Envelope<"user.registered">) => {
      if (!event.data.name.startsWith("share-")) return;
      seen.set(event.data.id, [...(seen.get(event.data.id) ?? []), replica]);
    };
    await a.consume({ subject: "user.registered", handle: handler("a") });
    await b.consume({ subject: "user.registered", handle: handler("b") });
    const sent = Array.from({ length: 40 }, (_, i) => registered(`share-${i}`));
    for (const data of sent) await bus.publish(buildEnvelope("user.registered", data));
    await waitFor("all 40 handled", async () => seen.size === 40, { timeoutMs: 15_000 });
    // Give any wrongful second delivery a moment to show up.
    await new Promise((r) => setTimeout(r, 300));
    expect([...seen.values()].every((replicas) => replicas.length === 1)).toBe(true);
  });

  it("dead-letters a malformed message and still handles the next good one", async () => {
    const consumerBus = await serviceBus("malformed");
    const handled: string[] = [];
    await consumerBus.consume({
      subject: "ticket.deleted",
      handle: async (event) => {
        handled.push(event.data.id);
      },
    });
    await bus.js.publish("ticket.deleted", JSON.stringify({ hello: "not an envelope" }), {
      msgID: randomUUID(),
    });
    const good = { id: oid(), version: 3 };
    await bus.publish(buildEnvelope("ticket.deleted", good));
    await waitFor("the good message", async () => handled.includes(good.id), { timeoutMs: 10_000 });
    const letters = await waitFor(
      "the dead letter",
      async () => {
        const l = await deadLetters("malformed__");
        return l.length > 0 ? l : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect(letters[0]?.payload).toContain("not an envelope");
    expect(letters[0]?.error).toMatch(/ZodError|invalid/i);
  });

  it("dead-letters a message whose handler says it can never succeed, at once, without blocking the subject", async () => {
    const consumerBus = await serviceBus("poison");
    const poison = { id: oid(), version: 1 };
    const next = { id: oid(), version: 1 };
    const handled: string[] = [];
    let poisonTries = 0;
    await consumerBus.consume({
      subject: "ticket.deleted",
      handle: async (event) => {
        if (event.data.id === poison.id) {
          poisonTries += 1;
          throw new PermanentError("cannot apply this one");
        }
        handled.push(event.data.id);
      },
    });
    await bus.publish(buildEnvelope("ticket.deleted", poison));
    await bus.publish(buildEnvelope("ticket.deleted", next));
    await waitFor("the next message", async () => handled.includes(next.id), { timeoutMs: 10_000 });
    const letter = await waitFor(
      "the poison message in the dead letters",
      async () => {
        const l = await deadLetters("poison__");
        return l.find((x) => x.payload.includes(poison.id));
      },
      { timeoutMs: 15_000 },
    );
    expect(letter.error).toContain("PermanentError: cannot apply this one");
    expect(poisonTries).toBe(1);
  });

  it("retries a transient failure for as long as it takes and never dead-letters it", async () => {
    const consumerBus = await serviceBus("transient");
    const target = { id: oid(), version: 1 };
    let tries = 0;
    await consumerBus.consume({
      subject: "ticket.deleted",
      handle: async (event) => {
        if (event.data.id !== target.id) return;
        tries += 1;
        // Far more failures than the old budget of 8 attempts allowed.
        if (tries < 4) throw new Error("connection refused");
        if (tries < 14) throw new RetryLater("version gap");
      },
    });
    await bus.publish(buildEnvelope("ticket.deleted", target));
    await waitFor("the message to succeed at last", async () => tries >= 14, {
      timeoutMs: 30_000,
    });
    // (Earlier tests' malformed message is this new consumer's dead letter too.)
    const mine = (await deadLetters("transient__")).filter((l) => l.payload.includes(target.id));
    expect(mine).toEqual([]);
  });

  it("pauses while its handlers cannot work (database unreachable) and resumes after", async () => {
    let reachable = false;
    const gated = await EventBus.connect({
      servers: env.infra.urls.NATS_URL,
      service: "gated",
      log,
      canHandle: () => reachable,
    });
    extraBuses.push(gated);
    const seen: string[] = [];
    await gated.consume({
      subject: "user.registered",
      handle: async (event) => {
        if (event.data.name.startsWith("gated-")) seen.push(event.data.id);
      },
    });
    const sent = Array.from({ length: 5 }, (_, i) => registered(`gated-${i}`));
    for (const data of sent) await bus.publish(buildEnvelope("user.registered", data));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(seen).toEqual([]);
    reachable = true;
    await waitFor("every message after the pause", async () => seen.length >= 5, {
      timeoutMs: 15_000,
    });
    expect(new Set(seen)).toEqual(new Set(sent.map((d) => d.id)));
    const mine = (await deadLetters("gated__")).filter((l) => l.payload.includes("gated-"));
    expect(mine).toEqual([]);
  });

  it("retries a message that arrived before its predecessor until it can apply", async () => {
    const consumerBus = await serviceBus("ordered");
    const id = oid();
    let version = 0;
    const applied: number[] = [];
    await consumerBus.consume({
      subject: "ticket.deleted",
      handle: async (event) => {
        if (event.data.id !== id) return;
        if (event.data.version !== version + 1)
          throw new RetryLater("waiting for an earlier version");
        version = event.data.version;
        applied.push(version);
      },
    });
    await bus.publish(buildEnvelope("ticket.deleted", { id, version: 2 }));
    await new Promise((r) => setTimeout(r, 100));
    await bus.publish(buildEnvelope("ticket.deleted", { id, version: 1 }));
    await waitFor("both versions", async () => applied.length === 2, { timeoutMs: 10_000 });
    expect(applied).toEqual([1, 2]);
  });
});

describe("the retry delay", () => {
  it("grows exponentially, is capped, and is jittered within half of it", () => {
    expect(retryDelay(1, "error", () => 0)).toBe(125);
    expect(retryDelay(1, "error", () => 1)).toBe(250);
    expect(retryDelay(5, "error", () => 1)).toBe(4_000);
    expect(retryDelay(500, "error", () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelay(500, "error", () => 0)).toBe(RETRY_CAP_MS / 2);
    expect(retryDelay(3, "later", () => 1)).toBe(150);
    expect(retryDelay(10_000, "later", () => 1)).toBe(5_000);
  });
});
