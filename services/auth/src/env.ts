import { parseEnv, redisEnvShape, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

const seconds = z.coerce.number().int().nonnegative();

export const env = parseEnv({
  ...serviceEnvShape,
  ...redisEnvShape,
  PORT: serviceEnvShape.PORT.default(4001),
  AUTH_ISSUER: z.string().min(1).default("ticket-exchange-auth"),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  /** A spent refresh token presented again within this window is a race, not theft. */
  REFRESH_REUSE_GRACE_SECONDS: seconds.default(10),
  /** Failed sign-ins allowed per account, and per client address, in one window. */
  THROTTLE_ACCOUNT_ATTEMPTS: z.coerce.number().int().positive().default(5),
  THROTTLE_ADDRESS_ATTEMPTS: z.coerce.number().int().positive().default(30),
  THROTTLE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
});
