import {
  type ConsumerFigures,
  EVENTS_STREAM,
  type OperatorOverview,
  type QueueFigures,
  type ServiceName,
} from "@tx/api-contracts";
import { Gauge } from "prom-client";
import type { EventBus } from "./bus";
import { deadLetterCounts } from "./dead-letters";
import { metrics, registry } from "./metrics";
import type { Outbox } from "./outbox";

/**
 * What an operator (and Prometheus) sees of a running service: its consumers' lag, its
 * dead letters, its outbox, its reconcilers' fixes and its queues. Read when asked, each
 * figure with a short time limit, so /metrics answers even while NATS or the database
 * does not (the figure is then missing, and named as such in the overview).
 */
type Runtime = {
  service: ServiceName;
  bus: EventBus;
  outbox: Outbox;
  paused: () => boolean;
};

let runtime: Runtime | undefined;
const queueSources: (() => Promise<QueueFigures[]>)[] = [];

/** Done once by startService. */
export function attachOperations(r: Runtime): void {
  runtime = r;
}

export function operationsRuntime(): Runtime {
  if (!runtime) throw new Error("operations used before the service started");
  return runtime;
}

/** A service with queues (expiration) reports their depths through this. */
export function registerQueueFigures(source: () => Promise<QueueFigures[]>): void {
  queueSources.push(source);
}

const LIMIT_MS = 1_500;

function within<T>(what: string, p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took over ${LIMIT_MS} ms`)), LIMIT_MS).unref(),
    ),
  ]);
}

async function consumerFigures(r: Runtime): Promise<ConsumerFigures[]> {
  return Promise.all(
    r.bus.consumerNames().map(async (durable) => {
      const info = await r.bus.jsm.consumers.info(EVENTS_STREAM, durable);
      return {
        durable,
        pending: info.num_pending,
        ackPending: info.num_ack_pending,
        redelivered: info.num_redelivered,
      };
    }),
  );
}

async function queueFigures(): Promise<QueueFigures[]> {
  return (await Promise.all(queueSources.map((s) => s()))).flat();
}

async function outboxFigures(r: Runtime) {
  const { pending, oldest } = await r.outbox.pendingSummary();
  return {
    pending,
    oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : null,
  };
}

async function reconcilerFixes() {
  const { values } = await metrics.reconcilerFixes.get();
  return values.map((v) => ({ kind: String(v.labels.kind ?? ""), count: v.value }));
}

/** Every figure at once; what could not be read is listed in `unavailable`. */
export async function overview(): Promise<OperatorOverview> {
  const r = operationsRuntime();
  const unavailable: string[] = [];
  const read = async <T>(name: string, fallback: T, p: () => Promise<T>): Promise<T> => {
    try {
      return await within(name, p());
    } catch {
      unavailable.push(name);
      return fallback;
    }
  };
  const [consumers, deadLetters, outbox, queues, fixes] = await Promise.all([
    read("consumers", [], () => consumerFigures(r)),
    read("deadLetters", 0, async () =>
      Object.values(await deadLetterCounts(r.bus, r.service)).reduce((a, b) => a + b, 0),
    ),
    read("outbox", { pending: 0, oldestAgeSeconds: null }, () => outboxFigures(r)),
    read("queues", [], queueFigures),
    read("reconcilerFixes", [], reconcilerFixes),
  ]);
  return {
    service: r.service,
    checkedAt: new Date().toISOString(),
    paused: r.paused(),
    consumers,
    deadLetters,
    outbox,
    reconcilerFixes: fixes,
    queues,
    unavailable,
  };
}

// Gauges read at scrape time. A figure that cannot be read keeps no stale value.
const consumerGauge = (name: string, help: string, pick: (c: ConsumerFigures) => number) =>
  new Gauge({
    name,
    help,
    labelNames: ["durable"],
    registers: [registry],
    async collect() {
      this.reset();
      if (!runtime) return;
      const figures = await within("consumers", consumerFigures(runtime)).catch(() => []);
      for (const c of figures) this.set({ durable: c.durable }, pick(c));
    },
  });

consumerGauge(
  "consumer_pending_messages",
  "Messages published and not yet delivered to this durable consumer (its lag)",
  (c) => c.pending,
);
consumerGauge(
  "consumer_ack_pending_messages",
  "Messages delivered to this durable consumer and not yet acknowledged",
  (c) => c.ackPending,
);
consumerGauge(
  "consumer_redelivered_messages",
  "Messages delivered more than once to this durable consumer and not yet acknowledged",
  (c) => c.redelivered,
);

new Gauge({
  name: "dead_letters",
  help: "Messages in the dead-letter stream left by this service's consumers",
  labelNames: ["durable"],
  registers: [registry],
  async collect() {
    this.reset();
    if (!runtime) return;
    const r = runtime;
    const counts = await within("deadLetters", deadLetterCounts(r.bus, r.service)).catch(
      () => ({}),
    );
    for (const [durable, n] of Object.entries(counts)) this.set({ durable }, n);
  },
});

let lastOutbox: Promise<{ pending: number; oldestAgeSeconds: number | null }> | undefined;
/** One outbox read per scrape, shared by its two gauges. */
function outboxOnce() {
  if (!runtime) return Promise.resolve(null);
  const r = runtime;
  lastOutbox ??= within("outbox", outboxFigures(r)).finally(() => {
    setTimeout(() => {
      lastOutbox = undefined;
    }, 500).unref();
  });
  return lastOutbox.catch(() => null);
}

new Gauge({
  name: "outbox_pending_events",
  help: "Events written with their change and not yet published",
  registers: [registry],
  async collect() {
    this.reset();
    const o = await outboxOnce();
    if (o) this.set(o.pending);
  },
});

new Gauge({
  name: "outbox_oldest_event_age_seconds",
  help: "Age of the oldest event waiting in an outbox (0 when none waits)",
  registers: [registry],
  async collect() {
    this.reset();
    const o = await outboxOnce();
    if (o) this.set(o.oldestAgeSeconds ?? 0);
  },
});

new Gauge({
  name: "queue_jobs",
  help: "Jobs in this service's BullMQ queues, by queue and state (waiting, delayed, active, failed)",
  labelNames: ["queue", "state"],
  registers: [registry],
  async collect() {
    this.reset();
    if (queueSources.length === 0) return;
    const queues = await within("queues", queueFigures()).catch(() => []);
    for (const q of queues) {
      for (const state of ["waiting", "delayed", "active", "failed"] as const) {
        this.set({ queue: q.name, state }, q[state]);
      }
    }
  },
});
