import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { paymentsRouter } = await import("./trpc/router");
  const service = await startService({
    name: "payments",
    env,
    router: paymentsRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
  });
  stopOnSignals(service);
});
