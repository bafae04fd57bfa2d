import {
  emailLinkEnvShape,
  parseEnv,
  rateSetting,
  redisEnvShape,
  serviceEnvShape,
} from "@tx/service-kit";
import { z } from "zod";

const seconds = z.coerce.number().int().nonnegative();
const positive = z.coerce.number().int().positive();

export const env = parseEnv({
  ...serviceEnvShape,
  ...redisEnvShape,
  ...emailLinkEnvShape,
  PORT: serviceEnvShape.PORT.default(4001),
  AUTH_ISSUER: z.string().min(1).default("ticket-exchange-auth"),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  /** A spent refresh token presented again within this window is a race, not theft. */
  REFRESH_REUSE_GRACE_SECONDS: seconds.default(10),
  /** Password checks per account and address before a wait (see domain/throttle.ts). */
  THROTTLE_ATTEMPTS: positive.default(5),
  THROTTLE_WINDOW_SECONDS: positive.default(15 * 60),
  /** The first wait; it doubles each time the checks run out again, up to the maximum. */
  THROTTLE_FIRST_DELAY_SECONDS: positive.default(30),
  THROTTLE_MAX_DELAY_SECONDS: positive.default(3600),
  /** Failed checks per client address across all accounts, per window. */
  THROTTLE_ADDRESS_ATTEMPTS: positive.default(30),
  /** "<points>/<seconds>": registrations per address, and per email (each sends an email). */
  REGISTER_PER_ADDRESS: rateSetting("10/3600"),
  REGISTER_PER_EMAIL: rateSetting("3/3600"),
  /** Reset links asked for, per email and per address; reset links used, per address. */
  PASSWORD_RESET_PER_EMAIL: rateSetting("3/3600"),
  PASSWORD_RESET_PER_ADDRESS: rateSetting("10/3600"),
  EMAILED_TOKEN_USE_PER_ADDRESS: rateSetting("30/3600"),
  /** How long an emailed link works. */
  CONFIRM_TOKEN_TTL_SECONDS: positive.default(24 * 3600),
  RESET_TOKEN_TTL_SECONDS: positive.default(30 * 60),
});
