import { remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { expirationCompletedConsumer } from "./events/consumers/expiration-completed";
import { paymentRefundedConsumer } from "./events/consumers/payment-refunded";
import { paymentSucceededConsumer } from "./events/consumers/payment-succeeded";
import { reservationRejectedConsumer } from "./events/consumers/reservation-rejected";
import {
  ticketCreatedConsumer,
  ticketDeletedConsumer,
  ticketUpdatedConsumer,
} from "./events/consumers/ticket-replica";
import { OrderModel } from "./models/order";
import { overdueHolds } from "./reconcile/overdue-holds";
import { limits } from "./runtime";
import { ordersRouter } from "./trpc/router";

/** The orders service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "orders",
  env,
  router: ordersRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  outboxModels: [OrderModel],
  consumers: [
    ticketCreatedConsumer,
    ticketUpdatedConsumer,
    ticketDeletedConsumer,
    expirationCompletedConsumer,
    paymentSucceededConsumer,
    paymentRefundedConsumer,
    reservationRejectedConsumer,
  ],
  start: async () => limits.start(),
  reconcilers: [overdueHolds(env.RECONCILE_GRACE_SECONDS)],
  reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
};
