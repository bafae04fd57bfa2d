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
  const { stuckReservations } = await import("./reconcile/stuck-reservations");
  const service = await startService({
    name: "tickets",
    env,
    router: ticketsRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    outboxModels: [TicketModel],
    consumers: [orderCreatedConsumer, orderCancelledConsumer, orderCompletedConsumer],
    reconcilers: [stuckReservations(env.RECONCILE_GRACE_SECONDS)],
    reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
  });
  stopOnSignals(service);
});
