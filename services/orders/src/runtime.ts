import { serviceLimits, UserAndAddressRate } from "@tx/service-kit";
import { env } from "./env";

/** The request-rate limit of orders.create, counted in Redis. */
export const limits = serviceLimits(env, "orders", (redis) => ({
  create: new UserAndAddressRate(
    redis,
    "order-create",
    { perUser: env.ORDER_CREATE_PER_USER, perAddress: env.ORDER_CREATE_PER_ADDRESS },
    {
      perUser: "You are starting holds too quickly.",
      perAddress: "Too many holds started from here.",
    },
  ),
}));
