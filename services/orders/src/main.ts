import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { ordersRouter } = await import("./trpc/router");
  const service = await startService({
    name: "orders",
    env,
    router: ordersRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
  });
  stopOnSignals(service);
});
