import { authEnvShape, parseEnv, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  PORT: serviceEnvShape.PORT.default(4002),
  /** The most a ticket may cost, as a multiple of its face value (1.0 = face value). */
  PRICE_CAP_RATIO: z.coerce.number().min(1).max(10).default(1),
  /** Signs saved searches' unsubscribe links (HMAC-SHA256); at least 32 characters. */
  SAVED_SEARCH_SECRET: z.string().min(32),
  /** A saved search emails at most once per this many seconds, grouping its matches. */
  SAVED_SEARCH_DIGEST_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3_600),
});
