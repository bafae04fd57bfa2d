import { createLogger, remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { startDeliverySweep } from "./delivery/sweep";
import { deliverySettings, env } from "./env";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./events/consumers/order-finished";
import { userRegisteredConsumer } from "./events/consumers/user-registered";
import { OrderReplicaModel } from "./models/order-replica";
import { TicketModel } from "./models/ticket";
import { stuckReservations } from "./reconcile/stuck-reservations";
import { downloadRoute } from "./routes/download";
import { uploadRoute } from "./routes/upload";
import { ticketsRouter } from "./trpc/router";

const log = createLogger("tickets", env.LOG_LEVEL);
// One verifier for tRPC and the file routes: the same keys, the same cache of checked tokens.
const verify = remoteTokenVerifier(env, log);

/** The tickets service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "tickets",
  env,
  router: ticketsRouter,
  authenticate: () => verify,
  outboxModels: [TicketModel, OrderReplicaModel],
  consumers: [
    orderCreatedConsumer,
    orderCancelledConsumer,
    orderCompletedConsumer(deliverySettings),
    userRegisteredConsumer,
  ],
  routes: {
    "/delivery/files/upload": uploadRoute(verify, log),
    "/delivery/files/download": downloadRoute(verify, log),
  },
  start: async ({ log }) =>
    startDeliverySweep(
      env.DELIVERY_SWEEP_SECONDS * 1000,
      { ...deliverySettings, unusedFileHours: env.DELIVERY_UNUSED_FILE_HOURS },
      log,
    ),
  reconcilers: [stuckReservations(env.RECONCILE_GRACE_SECONDS, deliverySettings)],
  reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
};
