import { remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./events/consumers/order-finished";
import { OrderReplicaModel } from "./models/order-replica";
import { TicketModel } from "./models/ticket";
import { ticketsRouter } from "./trpc/router";

/** The tickets service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "tickets",
  env,
  router: ticketsRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  outboxModels: [TicketModel, OrderReplicaModel],
  consumers: [orderCreatedConsumer, orderCancelledConsumer, orderCompletedConsumer],
};
