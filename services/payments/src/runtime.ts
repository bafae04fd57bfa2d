import { serviceLimits, UserAndAddressRate } from "@tx/service-kit";
import { env } from "./env";

/** The request-rate limit of payments.start, counted in Redis. */
export const limits = serviceLimits(env, "payments", (redis) => ({
  start: new UserAndAddressRate(
    redis,
    "payment-start",
    { perUser: env.PAYMENT_START_PER_USER, perAddress: env.PAYMENT_START_PER_ADDRESS },
    {
      perUser: "You are starting payments too quickly.",
      perAddress: "Too many payments started from here.",
    },
  ),
}));
