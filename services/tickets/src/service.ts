import { remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./events/consumers/order-finished";
import { TicketModel } from "./models/ticket";
import { stuckReservations } from "./reconcile/stuck-reservations";
import { ticketsRouter } from "./trpc/router";

/** The tickets service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "tickets",
  env,
  router: ticketsRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  outboxModels: [TicketModel],
  consumers: [orderCreatedConsumer, orderCancelledConsumer, orderCompletedConsumer],
  reconcilers: [stuckReservations(env.RECONCILE_GRACE_SECONDS)],
  reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
};
