import { createTokenVerifier, runMain, startService, stopOnSignals } from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { authRouter } = await import("./trpc/router");
  const { jwks } = await import("./domain/keys");
  const { UserModel } = await import("./models/user");
  const { EmailedTokenModel } = await import("./models/emailed-token");
  const { startRuntime } = await import("./runtime");
  const { createLocalJWKSet } = await import("jose");

  const service = await startService({
    name: "auth",
    env,
    router: authRouter,
    outboxModels: [UserModel, EmailedTokenModel],
    // The auth service checks its own tokens with its own public key, no HTTP round trip.
    authenticate: (log) =>
      createTokenVerifier({
        keys: async (header, token) => createLocalJWKSet(await jwks())(header, token),
        issuer: env.AUTH_ISSUER,
        log,
      }),
    routes: {
      "/.well-known/jwks.json": async (_req, res) => {
        res.writeHead(200, {
          "content-type": "application/jwk-set+json",
          "cache-control": "public, max-age=300",
        });
        res.end(JSON.stringify(await jwks()));
      },
    },
    start: async () => startRuntime(),
  });
  stopOnSignals(service);
});
