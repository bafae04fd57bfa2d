import { limitsRedis, RequestRate } from "@tx/service-kit";
import { env } from "./env";

// The request-rate limits of orders.create, counted in Redis, created on first use.
const redis = limitsRedis(env.REDIS_URL, "orders", env.LOG_LEVEL);
let rates: { perUser: RequestRate; perAddress: RequestRate } | undefined;

export function orderRates() {
  rates ??= {
    perUser: new RequestRate(
      redis.client(),
      "order-create:user",
      env.ORDER_CREATE_PER_USER,
      "You are starting holds too quickly.",
    ),
    perAddress: new RequestRate(
      redis.client(),
      "order-create:address",
      env.ORDER_CREATE_PER_ADDRESS,
      "Too many holds started from here.",
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
