import { randomUUID } from "node:crypto";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope, EventBus } from "./bus";
import { discardDeadLetter, listDeadLetters, replayDeadLetter } from "./dead-letters";
import { DomainError } from "./errors";
import { createLogger } from "./logger";

const env = withInfra(["nats"]);
const log = createLogger("dead-letters-test", "silent");
let publisher: EventBus;
let orders: EventBus;
const handled: string[] = [];

const oid = () => randomUUID().replaceAll("-", "").slice(0, 24);

beforeAll(async () => {
  publisher = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: "pub", log });
  // Named as a real service: dead letters are listed by the service whose consumer left them.
  orders = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: "orders", log });
  await orders.consume({
    subject: "ticket.deleted",
    handle: async (event) => {
      handled.push(event.data.id);
    },
  });
});
afterAll(async () => {
  await orders.close();
  await publisher.close();
});

/** An envelope whose data breaks the catalog (an id that is not an ObjectId). */
function malformed(id: string) {
  const good = buildEnvelope("ticket.deleted", { id: oid(), version: 2 });
  return { ...good, data: { id: `bad-${id}`, version: 2 } };
}

async function publishMalformed(): Promise<{ marker: string; envelope: object }> {
  const marker = oid();
  const envelope = malformed(marker);
  await publisher.js.publish("ticket.deleted", JSON.stringify(envelope), {
    msgID: randomUUID(),
  });
  return { marker, envelope };
}

async function letterOf(marker: string) {
  return waitFor(
    "the dead letter",
    async () =>
      (await listDeadLetters(orders, "orders", 200)).items.find((l) => l.payload.includes(marker)),
    { timeoutMs: 10_000 },
  );
}

describe("dead letters an operator can act on", () => {
  it("lists a message that failed its schema with its subject, error, payload and time", async () => {
    const { marker } = await publishMalformed();
    const letter = await letterOf(marker);
    expect(letter).toMatchObject({
      service: "orders",
      durable: "orders__ticket_deleted",
      subject: "ticket.deleted",
      reason: "schema",
    });
    expect(letter.error).toMatch(/ZodError|24-character/);
    expect(Date.now() - new Date(letter.failedAt).getTime()).toBeLessThan(60_000);
    // Another service's list does not show it.
    const tickets = await listDeadLetters(orders, "tickets", 200);
    expect(tickets.items.some((l) => l.payload.includes(marker))).toBe(false);
  });

  it("refuses to replay a payload that still fails its schema, and replays a corrected one", async () => {
    const { marker, envelope } = await publishMalformed();
    const letter = await letterOf(marker);
    await expect(replayDeadLetter(orders, "orders", letter.seq)).rejects.toBeInstanceOf(
      DomainError,
    );
    const fixedId = oid();
    const corrected = JSON.stringify({ ...envelope, data: { id: fixedId, version: 2 } });
    const replayed = await replayDeadLetter(orders, "orders", letter.seq, corrected);
    expect(replayed).toMatchObject({ subject: "ticket.deleted", duplicate: false });
    await waitFor("the corrected message to be handled", async () => handled.includes(fixedId));
    const after = await listDeadLetters(orders, "orders", 200);
    expect(after.items.some((l) => l.seq === letter.seq)).toBe(false);
    // Gone, so a second replay of it finds nothing.
    await expect(replayDeadLetter(orders, "orders", letter.seq, corrected)).rejects.toThrow(
      /No such dead letter/,
    );
  });

  it("discards a dead letter, and only one of its own service", async () => {
    const { marker } = await publishMalformed();
    const letter = await letterOf(marker);
    await expect(discardDeadLetter(orders, "tickets", letter.seq)).rejects.toThrow(
      /No such dead letter/,
    );
    expect(await discardDeadLetter(orders, "orders", letter.seq)).toEqual({
      seq: letter.seq,
      discarded: true,
    });
    const after = await listDeadLetters(orders, "orders", 200);
    expect(after.items.some((l) => l.payload.includes(marker))).toBe(false);
  });
});
