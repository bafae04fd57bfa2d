import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  AccessTokenClaims,
} from "@tx/api-contracts";
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Logger } from "./logger";
import type { AuthUser } from "./trpc";

export const authEnvShape = {
  AUTH_JWKS_URL: z.url(),
  AUTH_ISSUER: z.string().min(1).default("ticket-exchange-auth"),
};

export type Authenticate = (authorization: string | undefined) => Promise<AuthUser | null>;

/**
 * Verifies a bearer access token locally: signature against the auth service's published
 * keys (fetched once, cached, refetched for an unknown kid), algorithm pinned, issuer,
 * audience and expiry checked. Anything else is an anonymous caller, never an error.
 */
export function createTokenVerifier(opts: {
  keys: JWTVerifyGetKey;
  issuer: string;
  log: Logger;
  /** Verified tokens remembered (by their exact text, until they expire; the least recently used go first). */
  cacheSize?: number;
}): Authenticate {
  // Tokens whose signature and claims were checked, each kept until its own expiry. A browser
  // sends the same token with every call while it lives, and the signature check is most of
  // what authenticating costs. Keyed by the whole token, so a changed byte is checked afresh.
  const verified = new LRUCache<string, AuthUser>({ max: opts.cacheSize ?? 10_000 });
  return async (authorization) => {
    if (!authorization?.startsWith("Bearer ")) return null;
    const token = authorization.slice("Bearer ".length).trim();
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, opts.keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: opts.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ["exp", "sub", "iat"],
      });
      const claims = AccessTokenClaims.parse(payload);
      const user = { id: claims.sub, email: claims.email, name: claims.name };
      // jwtVerify required exp and checked it is in the future; a ttl of 0 would mean "for ever".
      verified.set(token, user, { ttl: Math.max(1, (payload.exp ?? 0) * 1000 - Date.now()) });
      return user;
    } catch (err) {
      opts.log.debug({ reason: err instanceof Error ? err.message : String(err) }, "token refused");
      return null;
    }
  };
}

/** The verifier every service but auth uses: keys from the auth service's JWKS endpoint. */
export function remoteTokenVerifier(
  env: { AUTH_JWKS_URL: string; AUTH_ISSUER: string },
  log: Logger,
) {
  const keys = createRemoteJWKSet(new URL(env.AUTH_JWKS_URL), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 30_000,
    timeoutDuration: 3_000,
  });
  return createTokenVerifier({ keys, issuer: env.AUTH_ISSUER, log });
}
