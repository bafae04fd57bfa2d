import { createTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { createLocalJWKSet } from "jose";
import { jwks } from "./domain/keys";
import { env } from "./env";
import { EmailedTokenModel } from "./models/emailed-token";
import { UserModel } from "./models/user";
import { startRuntime } from "./runtime";
import { authRouter } from "./trpc/router";

/** The auth service as main.ts starts it. */
export const service: ServiceDefinition = {
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
};
