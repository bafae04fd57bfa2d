import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { ticketsRouter } = await import("./trpc/router");
  const { TicketModel } = await import("./models/ticket");
  const { orderCreatedConsumer } = await import("./events/consumers/order-created");
  const { orderCancelledConsumer, orderCompletedConsumer } = await import(
    "./events/consumers/order-finished"
  );
  const { ticketFeed } = await import("./live/feed");
  const service = await startService({
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
  });
  stopOnSignals(service);
});
