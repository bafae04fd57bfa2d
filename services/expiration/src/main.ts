import type http from "node:http";
import {
  createLogger,
  operatorOnly,
  remoteTokenVerifier,
  runMain,
  startService,
  stopOnSignals,
} from "@tx/service-kit";
import type { ExpirationQueue } from "./queue/expiration-queue";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { expirationRouter } = await import("./trpc/router");
  const { startExpirationQueue } = await import("./queue/expiration-queue");
  const consumers = await import("./events/consumers/order-events");
  const { missingJobs } = await import("./reconcile/missing-jobs");
  const { BOARD_PATH, queueBoard } = await import("./queue/board");
  let queue: ExpirationQueue | undefined;
  const current = () => {
    if (!queue) throw new Error("expiration queue not started");
    return queue;
  };
  let board: http.RequestListener | undefined;
  const boardRoute = operatorOnly(
    remoteTokenVerifier(env, createLogger("expiration", env.LOG_LEVEL)),
    (req, res) => (board ? board(req, res) : res.writeHead(503).end()),
  );
  const service = await startService({
    name: "expiration",
    env,
    router: expirationRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    start: async ({ bus, log }) => {
      queue = await startExpirationQueue(env.REDIS_URL, bus, log);
      board = queueBoard(queue.queue);
      return queue.stop;
    },
    consumers: [
      consumers.orderCreatedConsumer(current),
      consumers.orderCompletedConsumer(current),
      consumers.orderCancelledConsumer(current),
    ],
    routes: { [`${BOARD_PATH}/*`]: boardRoute },
    reconcilers: [missingJobs(current)],
    reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
  });
  stopOnSignals(service);
});
