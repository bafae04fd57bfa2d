import type { Envelope, EventData, Subject } from "@tx/api-contracts";
import mongoose, { type Model, Schema, type UpdateQuery } from "mongoose";
import { buildEnvelope, type EventBus } from "./bus";
import type { Logger } from "./logger";

/**
 * The transactional outbox, without transactions: a document carries its own pending
 * events in `outbox`, written by the same atomic update as the change they describe.
 * A relay publishes them (awaited, Nats-Msg-Id = event id) and then pulls them out.
 * If the process dies in between, the sweep at start publishes them again; a publish that
 * fails (the bus is down) marks the outbox dirty and it is swept every few seconds until
 * clean; and a slow backstop sweep picks up what another replica left behind for good.
 * The stream's duplicate window and idempotent consumers absorb a repeat.
 */
export type PendingEvent = {
  _id: string;
  subject: Subject;
  occurredAt: Date;
  envelope: string;
};

export type WithOutbox = { outbox: PendingEvent[] };

const PendingEventSchema = new Schema<PendingEvent>(
  {
    _id: { type: String, required: true },
    subject: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    // The envelope is stored as published: what is relayed is exactly what was decided.
    envelope: { type: String, required: true },
  },
  { _id: false },
);

/**
 * Adds the outbox field to a schema. The sparse index holds only documents with pending
 * events, which is what the sweep's `{"outbox._id": {$exists: true}}` asks for.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({ outbox: { type: [PendingEventSchema], default: [] } });
  schema.index({ "outbox._id": 1 }, { sparse: true });
}

const hasPending = { "outbox._id": { $exists: true } };

export function pendingEvent<S extends Subject>(subject: S, data: EventData<S>): PendingEvent {
  const envelope: Envelope<S> = buildEnvelope(subject, data);
  return {
    _id: envelope.id,
    subject,
    occurredAt: new Date(envelope.occurredAt),
    envelope: JSON.stringify(envelope),
  };
}

type OutboxModel = Model<WithOutbox & { _id: unknown }>;

/** A document as the write left it: its id and its pending events. */
type Written = { _id: unknown; outbox: PendingEvent[] };

/** Any model whose schema has the outbox plugin (mongoose's model types are invariant). */
// biome-ignore lint/suspicious/noExplicitAny: accepts every model; the plugin guarantees the field
export type AnyOutboxModel = Model<any>;

export class Outbox {
  private readonly models = new Set<OutboxModel>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;
  /** A relay failed since the last clean sweep: sweep at the next tick. */
  private dirty = false;
  private lastSweep = 0;

  private bus: EventBus | undefined;
  private log: Logger | undefined;

  /** Connects the outbox to the bus; done once by the service at start. */
  attach(bus: EventBus, log: Logger): this {
    this.bus = bus;
    this.log = log;
    return this;
  }

  private get attached(): { bus: EventBus; log: Logger } {
    if (!this.bus || !this.log) throw new Error("outbox used before attach(bus, log)");
    return { bus: this.bus, log: this.log };
  }

  register(model: AnyOutboxModel): this {
    this.models.add(model as OutboxModel);
    return this;
  }

  /** Saves a new or changed document together with its events, then relays them. */
  async save<T extends mongoose.Document<unknown> & WithOutbox>(
    doc: T,
    events: PendingEvent[],
  ): Promise<T> {
    for (const e of events) doc.outbox.push(e);
    await doc.save();
    await this.relayAfterWrite(doc.constructor as unknown as OutboxModel, {
      _id: doc._id,
      outbox: doc.toObject<WithOutbox>().outbox,
    });
    return doc;
  }

  /**
   * One conditional atomic update that also appends the events; returns the updated
   * document, or null when the filter matched nothing (and then no event exists).
   */
  async update<T extends WithOutbox>(
    model: Model<T>,
    filter: mongoose.QueryFilter<T>,
    update: UpdateQuery<T>,
    events: PendingEvent[],
  ): Promise<T | null> {
    const withEvents = {
      ...update,
      $push: { ...(update.$push ?? {}), outbox: { $each: events } },
    } as UpdateQuery<T>;
    const doc = await model
      .findOneAndUpdate(filter, withEvents, { returnDocument: "after" })
      .lean<T>();
    if (!doc) return null;
    await this.relayAfterWrite(model as unknown as OutboxModel, doc as T & { _id: unknown });
    return doc;
  }

  /**
   * The write has happened, so the caller must not see a failure: a publish that fails
   * here (the bus is down) stays in the outbox and the sweep sends it later.
   */
  private async relayAfterWrite(model: OutboxModel, written: Written): Promise<void> {
    try {
      await this.publishPending(model, written);
    } catch (err) {
      this.dirty = true;
      this.attached.log.warn(
        { err, model: model.modelName },
        "publish deferred to the outbox sweep",
      );
    }
  }

  /** Reads a document's pending events and publishes them (the sweep's path). */
  async relay(model: OutboxModel, id: unknown): Promise<number> {
    const doc = await model.findById(id, { outbox: 1 }).lean<WithOutbox>();
    return doc ? this.publishPending(model, { _id: id, outbox: doc.outbox }) : 0;
  }

  /**
   * Publishes the events the write left in the document, in order, removing each once the
   * stream has it. The write's own result says what is pending, so nothing is read again.
   * The removal pops the head only if it is still that event, so concurrent relays of the
   * same document (request path and sweep) never remove an event that was not sent.
   */
  private async publishPending(model: OutboxModel, written: Written): Promise<number> {
    let sent = 0;
    for (const event of written.outbox) {
      await this.attached.bus.publish(JSON.parse(event.envelope) as Envelope);
      await model.updateOne(
        { _id: written._id, "outbox.0._id": event._id },
        { $pop: { outbox: -1 } },
      );
      sent += 1;
    }
    return sent;
  }

  /** Relays every leftover event of every registered model; returns how many went out. */
  async sweep(): Promise<number> {
    this.sweeping ??= this.doSweep().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async doSweep(): Promise<number> {
    this.lastSweep = Date.now();
    this.dirty = false;
    let total = 0;
    for (const model of this.models) {
      const pending = await model
        .find(hasPending, { _id: 1 })
        .limit(500)
        .lean<{ _id: unknown }[]>();
      // A full page may hide more behind it: look again at the next tick.
      if (pending.length === 500) this.dirty = true;
      for (const { _id } of pending) {
        try {
          total += await this.relay(model, _id);
        } catch (err) {
          this.dirty = true;
          this.attached.log.warn(
            { err, model: model.modelName },
            "outbox relay failed, will retry",
          );
          break;
        }
      }
    }
    if (total > 0) this.attached.log.info({ relayed: total }, "outbox leftovers relayed");
    return total;
  }

  /**
   * Sweeps now (leftovers from before a crash), then every `retryMs` while a relay has
   * failed, and every `backstopMs` regardless (another replica may have died for good
   * between a write and its publish). A sweep reads every collection with an outbox, so
   * it does not run when there is no reason to.
   */
  async start({ retryMs = 2_000, backstopMs = 60_000 } = {}): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => {
      if (!this.dirty && Date.now() - this.lastSweep < backstopMs) return;
      this.sweep().catch((err) => {
        this.dirty = true;
        this.attached.log.warn({ err }, "outbox sweep failed");
      });
    }, retryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** How many events wait in the outboxes, and when the oldest of them happened (for metrics). */
  async pendingSummary(): Promise<{ pending: number; oldest: Date | null }> {
    let pending = 0;
    let oldest: Date | null = null;
    for (const model of this.models) {
      const docs = await model
        .find(hasPending, { "outbox.occurredAt": 1 })
        .limit(1_000)
        .lean<{ outbox: { occurredAt: Date }[] }[]>();
      for (const d of docs) {
        pending += d.outbox.length;
        for (const e of d.outbox) if (!oldest || e.occurredAt < oldest) oldest = e.occurredAt;
      }
    }
    return { pending, oldest };
  }

  /** How many events wait in every registered model's outbox (for health and tests). */
  async pendingCount(): Promise<number> {
    let n = 0;
    for (const model of this.models) {
      const docs = await model.find(hasPending, { outbox: 1 }).lean<WithOutbox[]>();
      for (const d of docs) n += d.outbox.length;
    }
    return n;
  }
}

/** The process's outbox: a service attaches its bus at start; procedures write through it. */
export const outbox = new Outbox();
