import type { MsgRequest, StoredMsg } from "@nats-io/jetstream";
import {
  DEAD_LETTER_PREFIX,
  DEAD_LETTER_STREAM,
  type DeadLetter,
  type DeadLetterPage,
  eventCatalog,
  parseEnvelope,
  type ReplayResult,
  type ServiceName,
  type Subject,
} from "@tx/api-contracts";
import { z } from "zod";
import type { EventBus } from "./bus";
import { DomainError } from "./errors";

/**
 * The dead letters of one service: the records its consumers put in the dead-letter
 * stream under `deadletter.<service>.<durable>`. An operator lists them, replays one
 * (republished to its subject, where every consumer of it gets it again: they are
 * idempotent) or discards it.
 */
const StoredRecord = z.object({
  durable: z.string(),
  subject: z.string(),
  streamSeq: z.number().int().nonnegative().default(0),
  deliveryCount: z.number().int().nonnegative().default(0),
  reason: z.enum(["schema", "permanent"]).default("permanent"),
  error: z.string(),
  failedAt: z.string(),
  msgId: z.string().nullable().default(null),
  payload: z.string(),
});

const filterOf = (service: ServiceName) => `${DEAD_LETTER_PREFIX}.${service}.>`;
const belongsTo = (service: ServiceName, subject: string) =>
  subject.startsWith(`${DEAD_LETTER_PREFIX}.${service}.`);

function toDeadLetter(service: ServiceName, m: StoredMsg): DeadLetter | null {
  const parsed = StoredRecord.safeParse(safeJson(m.string()));
  if (!parsed.success) return null;
  const r = parsed.data;
  const failedAt = new Date(r.failedAt);
  return {
    seq: m.seq,
    service,
    ...r,
    failedAt: Number.isNaN(failedAt.getTime()) ? m.time.toISOString() : failedAt.toISOString(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function getOwn(bus: EventBus, service: ServiceName, seq: number): Promise<StoredMsg> {
  const m = await bus.jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => null);
  if (!m || !belongsTo(service, m.subject)) {
    throw new DomainError("NOT_FOUND", "No such dead letter (replayed or discarded already?).");
  }
  return m;
}

/** How many dead letters this service's consumers left, by durable. */
export async function deadLetterCounts(
  bus: EventBus,
  service: ServiceName,
): Promise<Record<string, number>> {
  const info = await bus.jsm.streams.info(DEAD_LETTER_STREAM, {
    subjects_filter: filterOf(service),
  });
  const counts: Record<string, number> = {};
  for (const [subject, n] of Object.entries(info.state.subjects ?? {})) {
    counts[subject.split(".").at(-1) ?? subject] = n;
  }
  return counts;
}

/** The oldest `limit` dead letters of this service, oldest first. */
export async function listDeadLetters(
  bus: EventBus,
  service: ServiceName,
  limit: number,
): Promise<DeadLetterPage> {
  const counts = await deadLetterCounts(bus, service);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const items: DeadLetter[] = [];
  let seq = 1;
  while (items.length < limit && total > 0) {
    // The server's message-get takes next_by_subj (the first match at or after seq); the
    // client's type for it lists only the direct-get API.
    const query = { seq, next_by_subj: filterOf(service) } as unknown as MsgRequest;
    const m = await bus.jsm.streams.getMessage(DEAD_LETTER_STREAM, query).catch(() => null);
    if (!m) break;
    const letter = toDeadLetter(service, m);
    if (letter) items.push(letter);
    seq = m.seq + 1;
  }
  return { items, total };
}

/**
 * Publishes the dead letter's payload (or the operator's corrected one) to its subject
 * again, then removes the dead letter. The payload must pass the catalog now: a replay
 * that would only fail again is refused with the reason. The Nats-Msg-Id is new (the
 * original's may still be inside the stream's duplicate window, which would drop the
 * replay unseen) and derived from the dead letter, so a double click republishes once.
 */
export async function replayDeadLetter(
  bus: EventBus,
  service: ServiceName,
  seq: number,
  correctedPayload?: string,
): Promise<ReplayResult> {
  const m = await getOwn(bus, service, seq);
  const letter = toDeadLetter(service, m);
  if (!letter) throw new DomainError("INVALID", "This dead letter is unreadable; discard it.");
  if (!(letter.subject in eventCatalog)) {
    throw new DomainError("INVALID", `"${letter.subject}" is not a subject of the catalog.`);
  }
  const subject = letter.subject as Subject;
  const payload = correctedPayload ?? letter.payload;
  try {
    parseEnvelope(subject, JSON.parse(payload));
  } catch (err) {
    const reason = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
    throw new DomainError("INVALID", "The payload still fails its schema.", {
      fields: { payload: reason.slice(0, 1_000) },
    });
  }
  const ack = await bus.js.publish(subject, payload, {
    msgID: `replay:${service}:${seq}`,
    timeout: 5_000,
  });
  await bus.jsm.streams.deleteMessage(DEAD_LETTER_STREAM, seq).catch(() => false);
  return { seq, subject, duplicate: ack.duplicate };
}

export async function discardDeadLetter(
  bus: EventBus,
  service: ServiceName,
  seq: number,
): Promise<{ seq: number; discarded: boolean }> {
  await getOwn(bus, service, seq);
  const discarded = await bus.jsm.streams.deleteMessage(DEAD_LETTER_STREAM, seq).catch(() => false);
  return { seq, discarded };
}
