import { randomUUID } from "node:crypto";
import {
  AckPolicy,
  type Consumer,
  type ConsumerMessages,
  DeliverPolicy,
  type JsMsg,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { type Envelope, EVENTS_STREAM, parseEnvelope, type Subject } from "@tx/api-contracts";
import { Gauge } from "prom-client";
import type { EventBus } from "./bus";
import type { Logger } from "./logger";
import { registry } from "./metrics";

/**
 * An event as a feed delivers it: its stream sequence (the resumable id) and its envelope,
 * one member per subject, so checking `envelope.type` narrows `envelope.data`.
 */
export type FeedEvent<S extends Subject> = S extends Subject
  ? { seq: number; envelope: Envelope<S> }
  : never;

export type FeedListener<S extends Subject> = {
  onEvent: (event: FeedEvent<S>) => void;
  /** The feed stopped for good (the service is stopping): end the stream; the client resumes elsewhere. */
  onClose: () => void;
};

export type ReplayOutcome = "done" | "gone" | "too-far";

const listenersGauge = new Gauge({
  name: "live_feed_listeners",
  help: "Open subscriptions listening to this process's live feed",
  labelNames: ["feed"],
  registers: [registry],
});
const runningGauge = new Gauge({
  name: "live_feed_consumers",
  help: "JetStream consumers this process's live feed holds open (0 when nobody listens)",
  labelNames: ["feed"],
  registers: [registry],
});

type Running = { consumer: Consumer; messages: ConsumerMessages; loop: Promise<void> };

/**
 * Every event of some subjects, as it reaches the stream, for this process's open
 * subscriptions. Each process (each replica) reads the stream itself through an ordered,
 * ephemeral consumer, so every replica sees every change whoever made it; the consumer
 * exists only while someone listens (plus a short linger, so a page being reloaded does
 * not recreate it), so the feed costs nothing when no page is open. A subscription that
 * reconnects replays what it missed from the stream by sequence.
 */
export class SubjectFeed<S extends Subject> {
  private bus: EventBus | undefined;
  private log: Logger | undefined;
  private readonly listeners = new Set<FeedListener<S>>();
  private running: Promise<Running> | undefined;
  private lingering: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly subjects: readonly S[],
    private readonly opts: { lingerMs?: number; maxReplay?: number } = {},
  ) {}

  attach(bus: EventBus, log: Logger): this {
    this.bus = bus;
    this.log = log.child({ feed: this.name });
    this.stopped = false;
    return this;
  }

  private get attached(): { bus: EventBus; log: Logger } {
    if (!this.bus || !this.log) throw new Error(`feed ${this.name} used before attach(bus, log)`);
    return { bus: this.bus, log: this.log };
  }

  /** The stream's last sequence now: every event up to it was written before it was read. */
  async position(): Promise<number> {
    const info = await this.attached.bus.jsm.streams.info(EVENTS_STREAM);
    return info.state.last_seq;
  }

  /**
   * Adds a listener. It is called for every event after the returned position (and maybe a
   * few before it, which a caller that read state at `position` skips by sequence).
   */
  async listen(listener: FeedListener<S>): Promise<{ position: number; stop: () => void }> {
    if (this.stopped) throw new Error(`feed ${this.name} is stopped`);
    clearTimeout(this.lingering);
    this.listeners.add(listener);
    listenersGauge.set({ feed: this.name }, this.listeners.size);
    try {
      await this.ensureRunning();
      const position = await this.position();
      return { position, stop: () => this.unlisten(listener) };
    } catch (err) {
      this.unlisten(listener);
      throw err;
    }
  }

  private unlisten(listener: FeedListener<S>): void {
    if (!this.listeners.delete(listener)) return;
    listenersGauge.set({ feed: this.name }, this.listeners.size);
    if (this.listeners.size > 0) return;
    clearTimeout(this.lingering);
    this.lingering = setTimeout(() => {
      if (this.listeners.size === 0) void this.stopConsumer();
    }, this.opts.lingerMs ?? 5_000);
    this.lingering.unref();
  }

  private ensureRunning(): Promise<Running> {
    this.running ??= this.startConsumer().catch((err: unknown) => {
      this.running = undefined;
      throw err;
    });
    return this.running;
  }

  private async startConsumer(): Promise<Running> {
    const { bus, log } = this.attached;
    // From the sequence after the current last one: nothing published from here on is missed,
    // however long the consumer takes to exist on the server.
    const from = (await this.position()) + 1;
    const consumer = await bus.js.consumers.get(EVENTS_STREAM, {
      name_prefix: `${this.name}_live`,
      filter_subjects: [...this.subjects],
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: from,
      // Deleted when nobody listens; should the process die instead, the server drops it.
      inactive_threshold: nanos(30_000),
    });
    const messages = await consumer.consume({ max_messages: 256 });
    runningGauge.set({ feed: this.name }, 1);
    log.debug({ from }, "live feed started");
    const loop = (async () => {
      try {
        for await (const msg of messages) {
          const event = this.parse(msg);
          if (!event) continue;
          for (const listener of [...this.listeners]) listener.onEvent(event);
        }
      } catch (err) {
        log.warn({ err }, "live feed ended; subscriptions will reconnect");
        this.running = undefined;
        for (const listener of [...this.listeners]) listener.onClose();
      } finally {
        runningGauge.set({ feed: this.name }, 0);
      }
    })();
    return { consumer, messages, loop };
  }

  private async stopConsumer(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    const started = await running.catch(() => null);
    if (!started) return;
    await started.messages.close().catch(() => undefined);
    await started.loop;
    await started.consumer.delete().catch(() => undefined);
    this.log?.debug("live feed stopped: nobody listens");
  }

  private parse(msg: JsMsg): FeedEvent<S> | null {
    const subject = msg.subject as S;
    if (!this.subjects.includes(subject)) return null;
    try {
      return { seq: msg.seq, envelope: parseEnvelope(subject, msg.json()) } as FeedEvent<S>;
    } catch (err) {
      this.log?.warn({ err, seq: msg.seq, subject }, "live feed skipped a malformed event");
      return null;
    }
  }

  /**
   * Calls `onEvent` for the feed's events after sequence `after` up to `upTo`, read from the
   * stream by a short-lived consumer. "gone": the stream no longer holds them; "too-far":
   * more than `maxReplay` (default 2,000) messages to read; the caller then starts afresh.
   */
  async replay(
    after: number,
    upTo: number,
    onEvent: (event: FeedEvent<S>) => void,
  ): Promise<ReplayOutcome> {
    if (upTo <= after) return "done";
    const { bus } = this.attached;
    const stream = await bus.jsm.streams.info(EVENTS_STREAM);
    if (after + 1 < stream.state.first_seq) return "gone";
    if (upTo - after > (this.opts.maxReplay ?? 2_000)) return "too-far";
    const name = `${this.name}_replay_${randomUUID().slice(0, 8)}`;
    const info = await bus.jsm.consumers.add(EVENTS_STREAM, {
      name,
      filter_subjects: [...this.subjects],
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
      ack_policy: AckPolicy.None,
      mem_storage: true,
      num_replicas: 1,
      inactive_threshold: nanos(30_000),
    });
    try {
      let pending = info.num_pending;
      const consumer = await bus.js.consumers.get(EVENTS_STREAM, name);
      while (pending > 0) {
        let got = 0;
        const batch = await consumer.fetch({
          max_messages: Math.min(pending, 256),
          expires: 2_000,
        });
        for await (const msg of batch) {
          got += 1;
          pending = msg.info.pending;
          if (msg.seq > upTo) return "done";
          const event = this.parse(msg);
          if (event) onEvent(event);
          if (pending === 0) break;
        }
        if (got === 0) break;
      }
      return "done";
    } finally {
      await bus.jsm.consumers.delete(EVENTS_STREAM, name).catch(() => undefined);
    }
  }

  /** Ends every subscription and the consumer: the service is stopping. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.lingering);
    for (const listener of [...this.listeners]) listener.onClose();
    this.listeners.clear();
    listenersGauge.set({ feed: this.name }, 0);
    await this.stopConsumer();
  }
}
