import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const metrics = {
  httpDuration: new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
  eventsPublished: new Counter({
    name: "events_published_total",
    help: "Events published to JetStream",
    labelNames: ["subject", "duplicate"],
    registers: [registry],
  }),
  eventsConsumed: new Counter({
    name: "events_consumed_total",
    help: "Events handled, by outcome",
    labelNames: ["subject", "outcome"],
    registers: [registry],
  }),
  eventsRedelivered: new Counter({
    name: "events_redelivered_total",
    help: "Deliveries of a message that had been delivered before (a retry or a lost ack)",
    labelNames: ["subject"],
    registers: [registry],
  }),
  eventsDeadLettered: new Counter({
    name: "events_dead_lettered_total",
    help: "Messages moved to the dead letters, by reason (schema, permanent)",
    labelNames: ["subject", "reason"],
    registers: [registry],
  }),
  consumersPaused: new Gauge({
    name: "consumers_paused",
    help: "1 while this process's consumers are paused because its database is unreachable",
    registers: [registry],
  }),
  reconcilerFixes: new Counter({
    name: "reconciler_fixes_total",
    help: "States a reconciler found wrong and fixed, by kind",
    labelNames: ["kind"],
    registers: [registry],
  }),
  reconcilerRuns: new Counter({
    name: "reconciler_runs_total",
    help: "Reconciler passes, by reconciler and outcome (ok, failed, skipped)",
    labelNames: ["reconciler", "outcome"],
    registers: [registry],
  }),
};
