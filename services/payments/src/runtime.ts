import { limitsRedis, RequestRate } from "@tx/service-kit";
import { env } from "./env";

// The request-rate limits of payments.start, counted in Redis, created on first use.
const redis = limitsRedis(env.REDIS_URL, "payments", env.LOG_LEVEL);
let rates: { perUser: RequestRate; perAddress: RequestRate } | undefined;

export function paymentRates() {
  rates ??= {
    perUser: new RequestRate(
      redis.client(),
      "payment-start:user",
      env.PAYMENT_START_PER_USER,
      "You are starting payments too quickly.",
    ),
    perAddress: new RequestRate(
      redis.client(),
      "payment-start:address",
      env.PAYMENT_START_PER_ADDRESS,
      "Too many payments started from here.",
    ),
  };
  return rates;
}

/** Connects at start so readiness reports Redis from the first probe. */
export function startRuntime(): () => Promise<void> {
  redis.client();
  return async () => {
    await redis.close();
    rates = undefined;
  };
}
