import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { ordersRouter } = await import("./trpc/router");
  const { OrderModel } = await import("./models/order");
  const replica = await import("./events/consumers/ticket-replica");
  const { expirationCompletedConsumer } = await import("./events/consumers/expiration-completed");
  const { paymentSucceededConsumer } = await import("./events/consumers/payment-succeeded");
  const { paymentRefundedConsumer } = await import("./events/consumers/payment-refunded");
  const { overdueHolds } = await import("./reconcile/overdue-holds");
  const service = await startService({
    name: "orders",
    env,
    router: ordersRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    outboxModels: [OrderModel],
    consumers: [
      replica.ticketCreatedConsumer,
      replica.ticketUpdatedConsumer,
      replica.ticketDeletedConsumer,
      expirationCompletedConsumer,
      paymentSucceededConsumer,
      paymentRefundedConsumer,
    ],
    reconcilers: [overdueHolds(env.RECONCILE_GRACE_SECONDS)],
    reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
  });
  stopOnSignals(service);
});
