import { remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { orderCancelledConsumer, orderCompletedConsumer } from "./events/consumers/order-finished";
import { ticketFeed } from "./live/feed";
import { SearchDigestModel } from "./models/saved-search";
import { TicketModel } from "./models/ticket";
import { savedSearchCreatedConsumer, savedSearchUpdatedConsumer } from "./saved-searches/consumers";
import { startDigestFlush } from "./saved-searches/flush";
import { ticketsRouter } from "./trpc/router";

/** The tickets service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "tickets",
  env,
  router: ticketsRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  outboxModels: [TicketModel, SearchDigestModel],
  consumers: [
    orderCreatedConsumer,
    orderCancelledConsumer,
    orderCompletedConsumer,
    savedSearchCreatedConsumer,
    savedSearchUpdatedConsumer,
  ],
  start: async ({ bus, log }) => {
    ticketFeed.attach(bus, log);
    const stopFlush = startDigestFlush(log);
    return async () => {
      await stopFlush();
      await ticketFeed.stop();
    };
  },
  endStreams: () => void ticketFeed.stop(),
};
