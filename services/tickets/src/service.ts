import { remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./events/consumers/order-finished";
import { ticketFeed } from "./live/feed";
import { TicketModel } from "./models/ticket";
import { ticketsRouter } from "./trpc/router";

/** The tickets service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "tickets",
  env,
  router: ticketsRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  outboxModels: [TicketModel],
  consumers: [orderCreatedConsumer, orderCancelledConsumer, orderCompletedConsumer],
  start: async ({ bus, log }) => {
    ticketFeed.attach(bus, log);
    return () => ticketFeed.stop();
  },
  endStreams: () => void ticketFeed.stop(),
};
