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

export type ConsumerOptions<S extends Subject> = {
  subject: S;
  handle: (event: Envelope<S>, log: Logger) => Promise<void>;
  /** Deliveries before a failing message is dead-lettered. */
  maxAttempts?: number;
  /** Deliveries allowed for RetryLater (waiting for an earlier version) before dead-lettering. */
  maxRetryLater?: number;
  /**
   * Messages handled at once by this process. Handlers are idempotent and version-guarded,
   * so they need no order; while one waits on the database or the stream, others proceed.
   */
  concurrency?: number;
};

export type BusOptions = {
  servers: string;
  service: string;
  log: Logger;
  /** Stream storage replicas: 1 locally, 3 on a cluster. */
  replicas?: number;
};

const encoder = new TextEncoder();

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
  private consumers: ConsumerMessages[] = [];
  private loops: Promise<void>[] = [];

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
    await this.jsm.consumers
      .add(EVENTS_STREAM, {
        durable_name: durable,
        filter_subject: options.subject,
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
    const consumer = await this.js.consumers.get(EVENTS_STREAM, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    this.consumers.push(messages);
    this.loops.push(this.runLoop(messages, durable, options));
  }

  private async runLoop<S extends Subject>(
    messages: ConsumerMessages,
    durable: string,
    options: ConsumerOptions<S>,
  ): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const limit = options.concurrency ?? 8;
    for await (const msg of messages) {
      const handled = this.handleOne(msg, durable, options)
        .catch((err) => {
          // Only the dead-letter publish can get here (the bus is failing): try again later.
          this.opts.log.error(
            { err, subject: msg.subject, seq: msg.seq, durable },
            "event not settled",
          );
          msg.nak(1_000);
        })
        .finally(() => inFlight.delete(handled));
      inFlight.add(handled);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private async handleOne<S extends Subject>(
    msg: JsMsg,
    durable: string,
    options: ConsumerOptions<S>,
  ): Promise<void> {
    const maxAttempts = options.maxAttempts ?? 8;
    const maxRetryLater = options.maxRetryLater ?? 200;
    const attempt = msg.info.deliveryCount;
    let envelope: Envelope<S>;
    try {
      envelope = parseEnvelope(options.subject, msg.json());
    } catch (err) {
      this.opts.log.error(
        { err, subject: msg.subject, seq: msg.seq, durable },
        "malformed event dead-lettered",
      );
      await this.deadLetter(msg, durable, err);
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
      const later = err instanceof RetryLater;
      const limit = later ? maxRetryLater : maxAttempts;
      if (attempt >= limit) {
        log.error({ err, attempt }, "event failed too often: dead-lettered");
        await this.deadLetter(msg, durable, err);
        msg.term("dead-lettered");
        metrics.eventsConsumed.inc({ subject: options.subject, outcome: "dead_letter" });
        return;
      }
      const delay = later
        ? Math.min(50 * attempt, 2_000)
        : Math.min(250 * 2 ** (attempt - 1), 30_000);
      if (later)
        log.debug({ attempt, delay, reason: (err as Error).message }, "event retried later");
      else log.warn({ err, attempt, delay }, "event handler failed, will retry");
      msg.nak(delay);
      metrics.eventsConsumed.inc({ subject: options.subject, outcome: later ? "later" : "error" });
    }
  }

  /** Keeps the message and its error where an operator can see them, without blocking the subject. */
  private async deadLetter(msg: JsMsg, durable: string, err: unknown): Promise<void> {
    const record = {
      durable,
      subject: msg.subject,
      streamSeq: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      failedAt: new Date().toISOString(),
      payload: msg.string(),
    };
    await this.js.publish(
      `${DEAD_LETTER_PREFIX}.${durable}`,
      encoder.encode(JSON.stringify(record)),
      {
        msgID: `${durable}:${msg.seq}`,
      },
    );
  }

  async ping(): Promise<void> {
    if (this.nc.isClosed()) throw new Error("nats connection closed");
    await this.nc.flush();
  }

  async close(): Promise<void> {
    for (const c of this.consumers) await c.close();
    await Promise.allSettled(this.loops);
    await this.nc.drain().catch(() => undefined);
  }
}
