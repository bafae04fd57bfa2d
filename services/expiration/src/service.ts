import { remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import {
  orderCancelledConsumer,
  orderCompletedConsumer,
  orderCreatedConsumer,
} from "./events/consumers/order-events";
import { type ExpirationQueue, startExpirationQueue } from "./queue/expiration-queue";
import { expirationRouter } from "./trpc/router";

let queue: ExpirationQueue | undefined;
const current = () => {
  if (!queue) throw new Error("expiration queue not started");
  return queue;
};

/** The expiration service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "expiration",
  env,
  router: expirationRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  start: async ({ bus, log }) => {
    queue = await startExpirationQueue(env.REDIS_URL, bus, log);
    return queue.stop;
  },
  consumers: [
    orderCreatedConsumer(current),
    orderCompletedConsumer(current),
    orderCancelledConsumer(current),
  ],
};
