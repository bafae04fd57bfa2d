import type { Envelope, EventData, Subject } from "@tx/api-contracts";
import mongoose, { type Model, Schema, type UpdateQuery } from "mongoose";
import { buildEnvelope, type EventBus } from "./bus";
import type { Logger } from "./logger";

/**
 * The transactional outbox, without transactions: a document carries its own pending
 * events in `outbox`, written by the same atomic update as the change they describe.
 * A relay publishes them (awaited, Nats-Msg-Id = event id) and then pulls them out.
 * If the process dies in between, the sweep at start (and every few seconds) publishes
 * them again; the stream's duplicate window and idempotent consumers absorb a repeat.
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

/** Adds the outbox field to a schema, indexed so that the sweep finds leftovers fast. */
export function outboxPlugin(schema: Schema): void {
  schema.add({ outbox: { type: [PendingEventSchema], default: [] } });
  schema.index({ "outbox._id": 1 }, { sparse: true });
}

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

/** Any model whose schema has the outbox plugin (mongoose's model types are invariant). */
// biome-ignore lint/suspicious/noExplicitAny: accepts every model; the plugin guarantees the field
export type AnyOutboxModel = Model<any>;

export class Outbox {
  private readonly models = new Set<OutboxModel>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

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
    await this.relayAfterWrite(doc.constructor as unknown as OutboxModel, doc._id);
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
    await this.relayAfterWrite(model as unknown as OutboxModel, (doc as { _id?: unknown })._id);
    return doc;
  }

  /**
   * The write has happened, so the caller must not see a failure: a publish that fails
   * here (the bus is down) stays in the outbox and the sweep sends it later.
   */
  private async relayAfterWrite(model: OutboxModel, id: unknown): Promise<void> {
    try {
      await this.relay(model, id);
    } catch (err) {
      this.attached.log.warn(
        { err, model: model.modelName },
        "publish deferred to the outbox sweep",
      );
    }
  }

  /**
   * Publishes a document's pending events in order, removing each once the stream has it.
   * The removal pops the head only if it is still that event, so concurrent relays of the
   * same document (request path and sweep) never remove an event that was not sent.
   */
  async relay(model: OutboxModel, id: unknown): Promise<number> {
    const doc = await model.findById(id, { outbox: 1 }).lean<WithOutbox>();
    if (!doc || doc.outbox.length === 0) return 0;
    let sent = 0;
    for (const event of doc.outbox) {
      await this.attached.bus.publish(JSON.parse(event.envelope) as Envelope);
      await model.updateOne({ _id: id, "outbox.0._id": event._id }, { $pop: { outbox: -1 } });
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
    let total = 0;
    for (const model of this.models) {
      const pending = await model
        .find({ "outbox.0": { $exists: true } }, { _id: 1 })
        .limit(500)
        .lean<{ _id: unknown }[]>();
      for (const { _id } of pending) {
        try {
          total += await this.relay(model, _id);
        } catch (err) {
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

  /** Sweeps now (leftovers from before a crash) and then every `intervalMs`. */
  async start(intervalMs = 2_000): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => {
      this.sweep().catch((err) => this.attached.log.warn({ err }, "outbox sweep failed"));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** How many events wait in every registered model's outbox (for health and tests). */
  async pendingCount(): Promise<number> {
    let n = 0;
    for (const model of this.models) {
      const docs = await model
        .find({ "outbox.0": { $exists: true } }, { outbox: 1 })
        .lean<WithOutbox[]>();
      for (const d of docs) n += d.outbox.length;
    }
    return n;
  }
}

/** The process's outbox: a service attaches its bus at start; procedures write through it. */
export const outbox = new Outbox();
