import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";
import type { ExpirationQueue } from "./queue/expiration-queue";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { expirationRouter } = await import("./trpc/router");
  const { startExpirationQueue } = await import("./queue/expiration-queue");
  const consumers = await import("./events/consumers/order-events");
  const { missingJobs } = await import("./reconcile/missing-jobs");
  let queue: ExpirationQueue | undefined;
  const current = () => {
    if (!queue) throw new Error("expiration queue not started");
    return queue;
  };
  const service = await startService({
    name: "expiration",
    env,
    router: expirationRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    start: async ({ bus, log }) => {
      queue = await startExpirationQueue(env.REDIS_URL, bus, log);
      return queue.stop;
    },
    consumers: [
      consumers.orderCreatedConsumer(current),
      consumers.orderCompletedConsumer(current),
      consumers.orderCancelledConsumer(current),
    ],
    reconcilers: [missingJobs(current)],
    reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
  });
  stopOnSignals(service);
});
