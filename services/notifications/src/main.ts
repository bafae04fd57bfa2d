import {
  registerReadinessCheck,
  remoteTokenVerifier,
  runMain,
  startService,
  stopOnSignals,
} from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env, mailTransport } = await import("./env");
  const { notificationsRouter } = await import("./trpc/router");
  const { createMailTransport } = await import("./mail/transport");
  const { userRegisteredConsumer } = await import("./events/consumers/user-registered");
  const { orderCreatedConsumer } = await import("./events/consumers/order-created");
  const { paymentSucceededConsumer } = await import("./events/consumers/payment-succeeded");
  const { paymentRefundedConsumer } = await import("./events/consumers/payment-refunded");
  const { deliveryConsumers } = await import("./events/consumers/delivery");

  const transport = createMailTransport(mailTransport);
  registerReadinessCheck({ name: transport.kind, check: transport.verify });
  const mailer = { transport, webBaseUrl: env.WEB_BASE_URL };
  const service = await startService({
    name: "notifications",
    env,
    router: notificationsRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    start: async ({ log }) => {
      log.info({ transport: transport.kind }, "mail transport ready");
      return transport.close;
    },
    consumers: [
      userRegisteredConsumer(mailer),
      orderCreatedConsumer,
      paymentSucceededConsumer(mailer),
      paymentRefundedConsumer(mailer),
      ...deliveryConsumers(mailer),
    ],
  });
  stopOnSignals(service);
});
