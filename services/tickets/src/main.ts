import {
  createLogger,
  remoteTokenVerifier,
  runMain,
  startService,
  stopOnSignals,
} from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env, deliverySettings } = await import("./env");
  const { ticketsRouter } = await import("./trpc/router");
  const { TicketModel } = await import("./models/ticket");
  const { orderCreatedConsumer } = await import("./events/consumers/order-created");
  const { orderCancelledConsumer, orderCompletedConsumer } = await import(
    "./events/consumers/order-finished"
  );
  const { userRegisteredConsumer } = await import("./events/consumers/user-registered");
  const { uploadRoute } = await import("./routes/upload");
  const { downloadRoute } = await import("./routes/download");
  const { startDeliverySweep } = await import("./delivery/sweep");

  const log = createLogger("tickets", env.LOG_LEVEL);
  // One verifier for tRPC and the file routes: the same keys, the same cache of checked tokens.
  const verify = remoteTokenVerifier(env, log);
  const service = await startService({
    name: "tickets",
    env,
    router: ticketsRouter,
    authenticate: () => verify,
    outboxModels: [TicketModel],
    consumers: [
      orderCreatedConsumer,
      orderCancelledConsumer,
      orderCompletedConsumer(deliverySettings),
      userRegisteredConsumer,
    ],
    routes: {
      "/delivery/files/upload": uploadRoute(verify, log),
      "/delivery/files/download": downloadRoute(verify, log),
    },
    start: async ({ log }) =>
      startDeliverySweep(
        env.DELIVERY_SWEEP_SECONDS * 1000,
        { ...deliverySettings, unusedFileHours: env.DELIVERY_UNUSED_FILE_HOURS },
        log,
      ),
  });
  stopOnSignals(service);
});
