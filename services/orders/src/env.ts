import {
  authEnvShape,
  parseEnv,
  rateSetting,
  reconcileEnvShape,
  redisEnvShape,
  serviceEnvShape,
} from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...redisEnvShape,
  ...reconcileEnvShape,
  PORT: serviceEnvShape.PORT.default(4003),
  /** How long a buyer holds a listing while paying. */
  ORDER_HOLD_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
  /** Listings one buyer may hold at once (orders awaiting payment). */
  ORDER_MAX_LIVE_HOLDS: z.coerce.number().int().min(1).max(1000).default(2),
  /** After a buyer's hold on a listing ends, how long before they may hold it again. */
  HOLD_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** "<points>/<seconds>": holds attempted per buyer, and per client address. */
  ORDER_CREATE_PER_USER: rateSetting("30/60"),
  ORDER_CREATE_PER_ADDRESS: rateSetting("120/60"),
});
