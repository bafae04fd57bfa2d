import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { ticketsRouter } = await import("./trpc/router");
  const { TicketModel } = await import("./models/ticket");
  const { OrderReplicaModel } = await import("./models/order-replica");
  const { orderCreatedConsumer } = await import("./events/consumers/order-created");
  const { orderCancelledConsumer, orderCompletedConsumer } = await import(
    "./events/consumers/order-finished"
  );
  const service = await startService({
    name: "tickets",
    env,
    router: ticketsRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    outboxModels: [TicketModel, OrderReplicaModel],
    consumers: [orderCreatedConsumer, orderCancelledConsumer, orderCompletedConsumer],
  });
  stopOnSignals(service);
});
