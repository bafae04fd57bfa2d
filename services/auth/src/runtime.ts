import { limitsRedis, RequestRate } from "@tx/service-kit";
import { createSignInThrottle, type SignInThrottle } from "./domain/throttle";
import { env } from "./env";

// Process-wide resources the procedures share, created on first use.
const redis = limitsRedis(env.REDIS_URL, "auth", env.LOG_LEVEL);
let throttle: SignInThrottle | undefined;
let rates: ReturnType<typeof createRates> | undefined;

export function signInThrottle(): SignInThrottle {
  throttle ??= createSignInThrottle(redis.client(), {
    attempts: env.THROTTLE_ATTEMPTS,
    windowSeconds: env.THROTTLE_WINDOW_SECONDS,
    firstDelaySeconds: env.THROTTLE_FIRST_DELAY_SECONDS,
    maxDelaySeconds: env.THROTTLE_MAX_DELAY_SECONDS,
    addressAttempts: env.THROTTLE_ADDRESS_ATTEMPTS,
  });
  return throttle;
}

function createRates() {
  const r = redis.client();
  return {
    registerPerAddress: new RequestRate(
      r,
      "register:address",
      env.REGISTER_PER_ADDRESS,
      "Too many accounts registered from here.",
    ),
    registerPerEmail: new RequestRate(
      r,
      "register:email",
      env.REGISTER_PER_EMAIL,
      "Too many registrations for this email.",
    ),
    resetPerEmail: new RequestRate(
      r,
      "reset:email",
      env.PASSWORD_RESET_PER_EMAIL,
      "Too many reset links asked for this email.",
    ),
    resetPerAddress: new RequestRate(
      r,
      "reset:address",
      env.PASSWORD_RESET_PER_ADDRESS,
      "Too many reset links asked for from here.",
    ),
    tokenUsePerAddress: new RequestRate(
      r,
      "emailed-token:address",
      env.EMAILED_TOKEN_USE_PER_ADDRESS,
      "Too many links tried from here.",
    ),
  };
}

/** The request-rate limits of the auth procedures (register, reset links). */
export function authRates() {
  rates ??= createRates();
  return rates;
}

/** Connects at start so readiness reports Redis from the first probe. */
export function startRuntime(): () => Promise<void> {
  redis.client();
  return async () => {
    await redis.close();
    throttle = undefined;
    rates = undefined;
  };
}
