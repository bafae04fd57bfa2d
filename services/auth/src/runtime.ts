import { createLogger, createRedis, type Redis, registerReadinessCheck } from "@tx/service-kit";
import { createSignInThrottle, type SignInThrottle } from "./domain/throttle";
import { env } from "./env";

// Process-wide resources the procedures share, created on first use.
let redis: Redis | undefined;
let throttle: SignInThrottle | undefined;

function redisClient(): Redis {
  if (!redis) {
    const client = createRedis(env.REDIS_URL, "auth", createLogger("auth", env.LOG_LEVEL));
    registerReadinessCheck({
      name: "redis",
      check: async () => {
        await client.ping();
      },
    });
    redis = client;
  }
  return redis;
}

export function signInThrottle(): SignInThrottle {
  throttle ??= createSignInThrottle(redisClient(), {
    accountAttempts: env.THROTTLE_ACCOUNT_ATTEMPTS,
    addressAttempts: env.THROTTLE_ADDRESS_ATTEMPTS,
    windowSeconds: env.THROTTLE_WINDOW_SECONDS,
  });
  return throttle;
}

/** Connects at start so readiness reports Redis from the first probe. */
export function startRuntime(): () => Promise<void> {
  redisClient();
  return async () => {
    redis?.disconnect();
    redis = undefined;
    throttle = undefined;
  };
}
