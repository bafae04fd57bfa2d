import { createLogger, remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { startDeliverySweep } from "./delivery/sweep";
import { setBuyerFeeBps } from "./domain/buyer-price";
import { deliverySettings, env } from "./env";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./events/consumers/order-finished";
import { userRegisteredConsumer } from "./events/consumers/user-registered";
import { ticketFeed } from "./live/feed";
import { OrderReplicaModel } from "./models/order-replica";
import { SearchDigestModel } from "./models/saved-search";
import { TicketModel } from "./models/ticket";
import { stuckReservations } from "./reconcile/stuck-reservations";
import { downloadRoute } from "./routes/download";
import { uploadRoute } from "./routes/upload";
import { savedSearchCreatedConsumer, savedSearchUpdatedConsumer } from "./saved-searches/consumers";
import { startDigestFlush } from "./saved-searches/flush";
import { ticketsRouter } from "./trpc/router";

const log = createLogger("tickets", env.LOG_LEVEL);
// All-in prices: every listing view and ticket event adds the buyer's fee.
setBuyerFeeBps(env.BUYER_FEE_BPS);
// One verifier for tRPC and the file routes: the same keys, the same cache of checked tokens.
const verify = remoteTokenVerifier(env, log);

/** The tickets service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "tickets",
  env,
  router: ticketsRouter,
  authenticate: () => verify,
  outboxModels: [TicketModel, OrderReplicaModel, SearchDigestModel],
  consumers: [
    orderCreatedConsumer,
    orderCancelledConsumer,
    orderCompletedConsumer(deliverySettings),
    userRegisteredConsumer,
    savedSearchCreatedConsumer,
    savedSearchUpdatedConsumer,
  ],
  routes: {
    "/delivery/files/upload": uploadRoute(verify, log),
    "/delivery/files/download": downloadRoute(verify, log),
  },
  start: async ({ bus, log }) => {
    const stopSweep = startDeliverySweep(
      env.DELIVERY_SWEEP_SECONDS * 1000,
      { ...deliverySettings, unusedFileHours: env.DELIVERY_UNUSED_FILE_HOURS },
      log,
    );
    ticketFeed.attach(bus, log);
    const stopFlush = startDigestFlush(log);
    return async () => {
      await stopSweep();
      await stopFlush();
      await ticketFeed.stop();
    };
  },
  endStreams: () => void ticketFeed.stop(),
  reconcilers: [stuckReservations(env.RECONCILE_GRACE_SECONDS, deliverySettings)],
  reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
};
