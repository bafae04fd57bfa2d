import { remoteTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { expirationRouter } = await import("./trpc/router");
  const { startExpirationQueue } = await import("./queue/expiration-queue");
  const service = await startService({
    name: "expiration",
    env,
    router: expirationRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    start: async ({ bus, log }) => (await startExpirationQueue(env.REDIS_URL, bus, log)).stop,
  });
  stopOnSignals(service);
});
