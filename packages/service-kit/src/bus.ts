import { randomUUID } from "node:crypto";
import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  StorageType,
} from "@nats-io/jetstream";
import { connect, type NatsConnection, nanos } from "@nats-io/transport-node";
import {
  DEAD_LETTER_PREFIX,
  DEAD_LETTER_STREAM,
  type Envelope,
  EVENTS_STREAM,
  EVENTS_STREAM_SUBJECTS,
  type EventData,
  eventCatalog,
  parseEnvelope,
  SCHEMA_VERSION,
  type Subject,
} from "@tx/api-contracts";
import { v5 as uuidv5 } from "uuid";
import type { Logger } from "./logger";
import { metrics } from "./metrics";

/** Thrown by a handler that cannot apply a message yet (for example version n+2 before n+1). */
export class RetryLater extends Error {
  override name = "RetryLater";
}

/**
 * Thrown by a handler for a message that can never succeed, however often it is retried
 * (it names something that cannot exist, it breaks a rule no later event can fix). Only
 * this, and a message that fails its schema, goes to the dead letters; every other error
 * is transient and retried for as long as it takes.
 */
export class PermanentError extends Error {
  override name = "PermanentError";
}

export type ConsumerOptions<S extends Subject> = {
  subject: S;
  handle: (event: Envelope<S>, log: Logger) => Promise<void>;
  /**
   * Messages handled at once by this process. Handlers are idempotent and version-guarded,
   * so they need no order; while one waits on the database or the stream, others proceed.
   */
  concurrency?: number;
};

/**
 * The wait before a failed message is delivered again: exponential and capped, with
 * jitter so that messages that failed together (an outage) do not return together.
 * RetryLater (waiting for an earlier event, usually milliseconds away) starts short.
 */
export function retryDelay(attempt: number, kind: "later" | "error", random = Math.random): number {
  const n = Math.max(1, attempt);
  const base =
    kind === "later"
      ? Math.min(50 * n, RETRY_LATER_CAP_MS)
      : Math.min(250 * 2 ** Math.min(n - 1, 20), RETRY_CAP_MS);
  // "Equal jitter": at least half the delay, so the backoff still grows.
  return Math.round(base / 2 + random() * (base / 2));
}
export const RETRY_CAP_MS = 30_000;
export const RETRY_LATER_CAP_MS = 5_000;

/** How long a paused consumer leaves a message before it is offered again. */
const PAUSED_REDELIVERY_MS = 2_000;

export type BusOptions = {
  servers: string;
  service: string;
  log: Logger;
  /** Stream storage replicas: 1 locally, 3 on a cluster. */
  replicas?: number;
  /**
   * While this returns false (the service's database is unreachable), consumers take no
   * new message and hand back the ones they hold: handling them could only fail.
   */
  canHandle?: () => boolean;
};

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

export type DeadLetterReason = "schema" | "permanent";

/** What the dead-letter stream holds for each message a consumer gave up on. */
export type DeadLetterRecord = {
  durable: string;
  /** The subject it was published on, where a replay sends it again. */
  subject: string;
  streamSeq: number;
  deliveryCount: number;
  reason: DeadLetterReason;
  error: string;
  failedAt: string;
  /** The original Nats-Msg-Id (the envelope id), when it had one. */
  msgId: string | null;
  payload: string;
};

export function buildEnvelope<S extends Subject>(
  subject: S,
  data: EventData<S>,
  id: string = randomUUID(),
  occurredAt: Date = new Date(),
): Envelope<S> {
  // Parse on the way out: nothing leaves that the catalog does not accept.
  const parsed = eventCatalog[subject].parse(data) as EventData<S>;
  return {
    id,
    type: subject,
    occurredAt: occurredAt.toISOString(),
    schemaVersion: SCHEMA_VERSION,
    data: parsed,
  };
}

// Our namespace for name-based event ids (a random v4, fixed once).
const EVENT_ID_NAMESPACE = "6f1d2c4e-8b0a-4e57-9c3b-2a7e5d9f1b60";

/**
 * An RFC 4122 version-5 UUID derived from a seed, for events whose repeats must share an
 * id so the stream drops them (for example one expiration per order, however often its
 * job runs).
 */
export function deterministicId(seed: string): string {
  return uuidv5(seed, EVENT_ID_NAMESPACE);
}

/** The durable consumer name for a service and a subject; NATS names cannot contain dots. */
export function durableName(service: string, subject: string): string {
  return `${service}__${subject.replaceAll(".", "_")}`;
}

export class EventBus {
  private readonly active = new Set<ConsumerMessages>();
  private readonly durables = new Set<string>();
  private loops: Promise<void>[] = [];
  private closing = false;
  private pause: Promise<void> | undefined;

  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    private readonly opts: BusOptions,
  ) {}

  static async connect(opts: BusOptions): Promise<EventBus> {
    const nc = await connect({
      servers: opts.servers.split(","),
      name: opts.service,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    const jsm = await jetstreamManager(nc);
    const bus = new EventBus(nc, jetstream(nc), jsm, opts);
    await bus.ensureStreams();
    return bus;
  }

  /** Creates the streams if missing; safe to call from every replica at once. */
  async ensureStreams(): Promise<void> {
    const replicas = this.opts.replicas ?? 1;
    await this.ensureStream({
      name: EVENTS_STREAM,
      subjects: EVENTS_STREAM_SUBJECTS,
      storage: StorageType.File,
      num_replicas: replicas,
      duplicate_window: nanos(2 * 60_000),
    });
    await this.ensureStream({
      name: DEAD_LETTER_STREAM,
      subjects: [`${DEAD_LETTER_PREFIX}.>`],
      storage: StorageType.File,
      num_replicas: replicas,
      duplicate_window: nanos(2 * 60_000),
    });
  }

  private async ensureStream(config: {
    name: string;
    subjects: string[];
    storage: StorageType;
    num_replicas: number;
    duplicate_window: number;
  }): Promise<void> {
    const existing = await this.jsm.streams.info(config.name).catch(() => null);
    if (existing) {
      // A stream made on one server keeps one copy until told otherwise: raise it on a cluster.
      if (existing.config.num_replicas < config.num_replicas) {
        await this.jsm.streams.update(config.name, { num_replicas: config.num_replicas });
      }
      // A stream made before a subject family was added (delivery.>) would refuse its events.
      const subjects = existing.config.subjects ?? [];
      if (config.subjects.some((s) => !subjects.includes(s))) {
        await this.jsm.streams.update(config.name, {
          subjects: [...new Set([...subjects, ...config.subjects])],
        });
      }
      return;
    }
    try {
      await this.jsm.streams.add(config);
    } catch (err) {
      // Another replica created it between our two calls.
      await this.jsm.streams.info(config.name).catch(() => {
        throw err;
      });
    }
  }

  /** Publishes an envelope and waits for the stream's acknowledgement. */
  async publish<S extends Subject>(envelope: Envelope<S>): Promise<{ duplicate: boolean }> {
    // msgID becomes the Nats-Msg-Id header: the stream drops a second copy inside its window.
    const ack = await this.js.publish(envelope.type, encoder.encode(JSON.stringify(envelope)), {
      msgID: envelope.id,
      timeout: 5_000,
    });
    metrics.eventsPublished.inc({ subject: envelope.type, duplicate: String(ack.duplicate) });
    this.opts.log.debug(
      { eventId: envelope.id, subject: envelope.type, seq: ack.seq, duplicate: ack.duplicate },
      "event published",
    );
    return { duplicate: ack.duplicate };
  }

  /** Starts a durable consumer for one subject, shared by every replica of this service. */
  async consume<S extends Subject>(options: ConsumerOptions<S>): Promise<void> {
    const durable = durableName(this.opts.service, options.subject);
    await this.ensureConsumer(durable, options.subject);
    this.durables.add(durable);
    this.loops.push(this.consumeForever(durable, options));
  }

  /** The durable consumers this process runs (for metrics and the operator's view). */
  consumerNames(): string[] {
    return [...this.durables];
  }

  private async ensureConsumer(durable: string, subject: Subject): Promise<void> {
    await this.jsm.consumers
      .add(EVENTS_STREAM, {
        durable_name: durable,
        filter_subject: subject,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(30_000),
        max_ack_pending: 1_000,
      })
      .catch(async (err) => {
        // Already created by another replica with the same configuration.
        await this.jsm.consumers.info(EVENTS_STREAM, durable).catch(() => {
          throw err;
        });
      });
  }

  /**
   * Pulls and handles messages until the bus closes. The client library re-pulls after a
   * reconnect by itself; if its iterator still ends (the consumer or the stream vanished
   * with a server that lost its data, a fatal status), the consumer is made again.
   */
  private async consumeForever<S extends Subject>(
    durable: string,
    options: ConsumerOptions<S>,
  ): Promise<void> {
    let restarts = 0;
    while (!this.closing) {
      try {
        const consumer = await this.js.consumers.get(EVENTS_STREAM, durable);
        const messages = await consumer.consume({ max_messages: 64 });
        this.active.add(messages);
        try {
          await this.runLoop(messages, durable, options);
        } finally {
          this.active.delete(messages);
        }
        if (this.closing) return;
        this.opts.log.warn({ durable }, "consumer stopped by the server; starting it again");
      } catch (err) {
        if (this.closing) return;
        this.opts.log.warn({ err, durable }, "consumer failed; starting it again");
      }
      restarts += 1;
      await sleep(retryDelay(restarts, "error"));
      if (this.closing) return;
      await this.ensureStreams()
        .then(() => this.ensureConsumer(durable, options.subject))
        .catch((err) => this.opts.log.warn({ err, durable }, "cannot make the consumer yet"));
    }
  }

  private async runLoop<S extends Subject>(
    messages: ConsumerMessages,
    durable: string,
    options: ConsumerOptions<S>,
  ): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const limit = options.concurrency ?? 8;
    for await (const msg of messages) {
      if (!this.canHandle()) {
        // Hand it back and take nothing more until the database answers again: not
        // iterating is what stops this client from pulling.
        msg.nak(Math.round(PAUSED_REDELIVERY_MS * (0.5 + Math.random())));
        await this.resumed();
        continue;
      }
      const handled = this.handleOne(msg, durable, options)
        .catch((err) => {
          // Only the dead-letter publish can get here (the bus is failing): try again later.
          this.opts.log.error(
            { err, subject: msg.subject, seq: msg.seq, durable },
            "event not settled",
          );
          msg.nak(retryDelay(msg.info.deliveryCount, "error"));
        })
        .finally(() => inFlight.delete(handled));
      inFlight.add(handled);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private canHandle(): boolean {
    return this.opts.canHandle?.() ?? true;
  }

  /** Resolves once handlers can work again (or the bus closes); one wait for all consumers. */
  private resumed(): Promise<void> {
    this.pause ??= (async () => {
      this.opts.log.warn("consumers paused: the database is unreachable");
      metrics.consumersPaused.set(1);
      const started = Date.now();
      while (!this.closing && !this.canHandle()) await sleep(250);
      metrics.consumersPaused.set(0);
      this.opts.log.info({ pausedMs: Date.now() - started }, "consumers resumed");
    })().finally(() => {
      this.pause = undefined;
    });
    return this.pause;
  }

  private async handleOne<S extends Subject>(
    msg: JsMsg,
    durable: string,
    options: ConsumerOptions<S>,
  ): Promise<void> {
    const attempt = msg.info.deliveryCount;
    if (attempt > 1) metrics.eventsRedelivered.inc({ subject: options.subject });
    let envelope: Envelope<S>;
    try {
      envelope = parseEnvelope(options.subject, msg.json());
    } catch (err) {
      this.opts.log.error(
        { err, subject: msg.subject, seq: msg.seq, durable },
        "malformed event dead-lettered",
      );
      await this.deadLetter(msg, durable, err, "schema");
      msg.term("malformed");
      metrics.eventsConsumed.inc({ subject: options.subject, outcome: "malformed" });
      return;
    }
    const log = this.opts.log.child({ eventId: envelope.id, subject: envelope.type, durable });
    try {
      await options.handle(envelope, log);
      msg.ack();
      metrics.eventsConsumed.inc({ subject: options.subject, outcome: "ok" });
    } catch (err) {
      if (err instanceof PermanentError) {
        log.error({ err, attempt }, "event can never succeed: dead-lettered");
        await this.deadLetter(msg, durable, err, "permanent");
        msg.term("dead-lettered");
        metrics.eventsConsumed.inc({ subject: options.subject, outcome: "dead_letter" });
        return;
      }
      // Everything else is transient: retried, with backoff, for as long as it takes.
      const kind = err instanceof RetryLater ? "later" : "error";
      const delay = this.canHandle()
        ? retryDelay(attempt, kind)
        : Math.round(PAUSED_REDELIVERY_MS * (0.5 + Math.random()));
      if (kind === "later") {
        log.debug({ attempt, delay, reason: (err as Error).message }, "event retried later");
      } else if (isPowerOfTwo(attempt) || attempt % 100 === 0) {
        // A long outage retries a message hundreds of times: log the 1st, 2nd, 4th, ... try.
        log.warn({ err, attempt, delay }, "event handler failed, will retry");
      }
      msg.nak(delay);
      metrics.eventsConsumed.inc({ subject: options.subject, outcome: kind });
    }
  }

  /** Keeps the message and its error where an operator can see them, without blocking the subject. */
  private async deadLetter(
    msg: JsMsg,
    durable: string,
    err: unknown,
    reason: DeadLetterReason,
  ): Promise<void> {
    const record: DeadLetterRecord = {
      durable,
      subject: msg.subject,
      streamSeq: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      reason,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      failedAt: new Date().toISOString(),
      msgId: msg.headers?.get("Nats-Msg-Id") || null,
      payload: msg.string(),
    };
    // deadletter.<service>.<durable>: one service's letters are one subject filter away.
    await this.js.publish(
      `${DEAD_LETTER_PREFIX}.${this.opts.service}.${durable}`,
      encoder.encode(JSON.stringify(record)),
      { msgID: `${durable}:${msg.seq}` },
    );
    metrics.eventsDeadLettered.inc({ subject: msg.subject, reason });
  }

  async ping(): Promise<void> {
    if (this.nc.isClosed()) throw new Error("nats connection closed");
    await this.nc.flush();
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const c of this.active) await c.close();
    await Promise.allSettled(this.loops);
    await this.nc.drain().catch(() => undefined);
  }
}
