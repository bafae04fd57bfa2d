import { randomUUID } from "node:crypto";
import { EVENTS_STREAM, type EventData } from "@tx/api-contracts";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope, EventBus } from "./bus";
import { type FeedEvent, SubjectFeed } from "./feed";
import { createLogger } from "./logger";

const env = withInfra(["nats"]);
const log = createLogger("feed-test", "silent");
const buses: EventBus[] = [];
const feeds: SubjectFeed<"ticket.deleted">[] = [];

type Deleted = FeedEvent<"ticket.deleted">;
const oid = () => randomUUID().replaceAll("-", "").slice(0, 24);
const deleted = (id: string): EventData<"ticket.deleted"> => ({ id, version: 1 });

/** A process of its own (a replica): its own connection and its own feed. */
async function replica(name: string, lingerMs = 50) {
  const bus = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: name, log });
  buses.push(bus);
  const feed = new SubjectFeed(name, ["ticket.deleted"] as const, { lingerMs }).attach(bus, log);
  feeds.push(feed);
  return { bus, feed };
}

/** The feed consumers on the stream now (the replays' and the feeds' own). */
async function consumersNamed(bus: EventBus, prefix: string): Promise<number> {
  let count = 0;
  for await (const c of bus.jsm.consumers.list(EVENTS_STREAM)) {
    if (c.name.startsWith(prefix)) count += 1;
  }
  return count;
}

let publisher: EventBus;
beforeAll(async () => {
  publisher = await EventBus.connect({
    servers: env.infra.urls.NATS_URL,
    service: "feedpub",
    log,
  });
});
afterAll(async () => {
  for (const f of feeds) await f.stop();
  for (const b of buses) await b.close();
  await publisher.close();
});

const publish = (id: string) => publisher.publish(buildEnvelope("ticket.deleted", deleted(id)));

describe("a live feed of events", () => {
  it("gives every replica every event, whoever published it", async () => {
    const a = await replica("feeda");
    const b = await replica("feedb");
    const seenA: Deleted[] = [];
    const seenB: Deleted[] = [];
    const la = await a.feed.listen({ onEvent: (e) => seenA.push(e), onClose: () => undefined });
    const lb = await b.feed.listen({ onEvent: (e) => seenB.push(e), onClose: () => undefined });
    const ids = [oid(), oid(), oid()];
    for (const id of ids) await publish(id);
    await waitFor("both replicas see all three", async () =>
      seenA.length >= 3 && seenB.length >= 3 ? true : undefined,
    );
    const mine = (seen: Deleted[]) =>
      seen.map((e) => e.envelope.data.id).filter((id) => ids.includes(id));
    expect(mine(seenA)).toEqual(ids);
    expect(mine(seenB)).toEqual(ids);
    // Sequences are the stream's: the same event has the same id on both replicas.
    expect(seenA.map((e) => e.seq)).toEqual(seenB.map((e) => e.seq));
    expect(seenA[0]?.seq).toBeGreaterThan(la.position - 1);
    la.stop();
    lb.stop();
  });

  it("holds a consumer only while someone listens", async () => {
    const { bus, feed } = await replica("feedidle");
    expect(await consumersNamed(bus, "feedidle_live")).toBe(0);
    const listener = await feed.listen({ onEvent: () => undefined, onClose: () => undefined });
    expect(await consumersNamed(bus, "feedidle_live")).toBe(1);
    listener.stop();
    await waitFor("the consumer is gone after the linger", async () =>
      (await consumersNamed(bus, "feedidle_live")) === 0 ? true : undefined,
    );
  });

  it("replays what a reconnecting subscription missed, by sequence", async () => {
    const { feed } = await replica("feedreplay");
    const { position: before, stop } = await feed.listen({
      onEvent: () => undefined,
      onClose: () => undefined,
    });
    stop();
    const missed = [oid(), oid()];
    for (const id of missed) await publish(id);
    const upTo = await feed.position();
    const replayed: Deleted[] = [];
    expect(await feed.replay(before, upTo, (e) => replayed.push(e))).toBe("done");
    expect(replayed.map((e) => e.envelope.data.id)).toEqual(expect.arrayContaining(missed));
    expect(replayed.every((e) => e.seq > before && e.seq <= upTo)).toBe(true);
    // Too far back to replay cheaply: the caller starts from the current state instead.
    const small = new SubjectFeed("feedsmall", ["ticket.deleted"] as const, {
      maxReplay: 1,
    }).attach(buses[0] as EventBus, log);
    expect(await small.replay(before, upTo, () => undefined)).toBe("too-far");
    expect(await consumersNamed(buses[0] as EventBus, "feedreplay_replay")).toBe(0);
  });

  it("ends its subscriptions when the service stops", async () => {
    const { feed } = await replica("feedstop");
    let closed = false;
    await feed.listen({ onEvent: () => undefined, onClose: () => (closed = true) });
    await feed.stop();
    expect(closed).toBe(true);
    await expect(
      feed.listen({ onEvent: () => undefined, onClose: () => undefined }),
    ).rejects.toThrow(/stopped/);
  });
});
