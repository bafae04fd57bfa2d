import type http from "node:http";
import {
  createLogger,
  operatorOnly,
  remoteTokenVerifier,
  type ServiceDefinition,
} from "@tx/service-kit";
import { env } from "./env";
import {
  orderCancelledConsumer,
  orderCompletedConsumer,
  orderCreatedConsumer,
} from "./events/consumers/order-events";
import { BOARD_PATH, queueBoard } from "./queue/board";
import { type ExpirationQueue, startExpirationQueue } from "./queue/expiration-queue";
import { missingJobs } from "./reconcile/missing-jobs";
import { expirationRouter } from "./trpc/router";

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

/** The expiration service as main.ts starts it. */
export const service: ServiceDefinition = {
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
    orderCreatedConsumer(current),
    orderCompletedConsumer(current),
    orderCancelledConsumer(current),
  ],
  routes: { [`${BOARD_PATH}/*`]: boardRoute },
  reconcilers: [missingJobs(current)],
  reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
};
