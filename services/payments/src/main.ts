import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { paymentsRouter } = await import("./trpc/router");
  const { PaymentModel } = await import("./models/payment");
  const { webhookRoute } = await import("./webhook/route");
  const { gateway, setOwnWebhookUrl } = await import("./gateway/index");
  const consumers = await import("./events/consumers/order-events");
  const { deliveryFailedConsumer } = await import("./events/consumers/delivery-failed");
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
      deliveryFailedConsumer,
    ],
    start: async ({ log }) => {
      const { refundLeftovers } = await import("./domain/refunds");
      await refundLeftovers(log);
      return async () => {};
    },
    routes: {
      "/webhooks/stripe": webhookRoute(env.WEBHOOK_SECRET, createLogger("payments", env.LOG_LEVEL)),
    },
  });
  setOwnWebhookUrl(`http://127.0.0.1:${service.port}/webhooks/stripe`);
  service.log.info({ mode: gateway().mode }, "payment gateway ready");
  stopOnSignals(service);
});
