import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { paymentsRouter } = await import("./trpc/router");
  const { PaymentModel } = await import("./models/payment");
  const { webhookRoute } = await import("./webhook/route");
  const { gateway, sandbox, setOwnWebhookUrl } = await import("./gateway/index");
  const { paymentsReconciler } = await import("./reconcile/payments");
  const consumers = await import("./events/consumers/order-events");
  const { createLogger } = await import("@tx/service-kit");

  const service = await startService({
    name: "payments",
    env,
    router: paymentsRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    outboxModels: [PaymentModel],
    consumers: [
      consumers.orderCreatedConsumer,
      consumers.orderCancelledConsumer,
      consumers.orderCompletedConsumer,
      consumers.paymentSucceededConsumer,
    ],
    // Sandbox only: deliver the webhooks it stored, like Stripe would, until they land.
    start: async () => sandbox()?.webhooks.start() ?? (async () => {}),
    // At start (in the background: one failing payment never stops the service) and on a schedule.
    reconcilers: [paymentsReconciler()],
    reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
    routes: {
      "/webhooks/stripe": webhookRoute(env.WEBHOOK_SECRET, createLogger("payments", env.LOG_LEVEL)),
    },
  });
  setOwnWebhookUrl(`http://127.0.0.1:${service.port}/webhooks/stripe`);
  service.log.info({ mode: gateway().mode }, "payment gateway ready");
  stopOnSignals(service);
});
