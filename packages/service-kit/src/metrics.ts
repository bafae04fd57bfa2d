import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

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
};
