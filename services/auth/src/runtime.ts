import { RequestRate, serviceLimits } from "@tx/service-kit";
import { createSignInThrottle } from "./domain/throttle";
import { env } from "./env";

/** The sign-in throttle and the request-rate limits of the auth procedures, counted in Redis. */
const limits = serviceLimits(env, "auth", (r) => ({
  throttle: createSignInThrottle(r, {
    attempts: env.THROTTLE_ATTEMPTS,
    windowSeconds: env.THROTTLE_WINDOW_SECONDS,
    firstDelaySeconds: env.THROTTLE_FIRST_DELAY_SECONDS,
    maxDelaySeconds: env.THROTTLE_MAX_DELAY_SECONDS,
    addressAttempts: env.THROTTLE_ADDRESS_ATTEMPTS,
  }),
  rates: {
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
  },
}));

export const signInThrottle = () => limits.get().throttle;

/** The request-rate limits of the auth procedures (register, reset links). */
export const authRates = () => limits.get().rates;

/** Connects at start so readiness reports Redis from the first probe. */
export const startRuntime = () => limits.start();
