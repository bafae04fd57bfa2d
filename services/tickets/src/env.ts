import { authEnvShape, parseEnv, reconcileEnvShape, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...reconcileEnvShape,
  PORT: serviceEnvShape.PORT.default(4002),
  /** The most a ticket may cost, as a multiple of its face value (1.0 = face value). */
  PRICE_CAP_RATIO: z.coerce.number().min(1).max(10).default(1),
  /**
   * Issue 22: the buyer's fee per ticket in basis points (250 = 2.5 %), part of every price
   * buyers see (all-in, domain/buyer-price.ts); 0 by default.
   */
  BUYER_FEE_BPS: z.coerce.number().int().min(0).max(5_000).default(0),
  /** How long a seller has to transfer sold tickets (fractions allowed, for tests). */
  DELIVERY_TRANSFER_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(48),
  /** A transfer is due at least this long before the event starts. */
  DELIVERY_TRANSFER_CUTOFF_MINUTES: z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** A delivery nobody disputed is confirmed this long after the event. */
  DELIVERY_CONFIRM_AFTER_EVENT_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 90)
    .default(24),
  /** How often the delivery sweep looks for missed deadlines and files left unused. */
  DELIVERY_SWEEP_SECONDS: z.coerce.number().positive().max(3_600).default(30),
  /** An uploaded file that no listing took is deleted after this long. */
  DELIVERY_UNUSED_FILE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** Signs saved searches' unsubscribe links (HMAC-SHA256); at least 32 characters. */
  SAVED_SEARCH_SECRET: z.string().min(32),
  /** A saved search emails at most once per this many seconds, grouping its matches. */
  SAVED_SEARCH_DIGEST_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3_600),
});

/** The delivery settings, as the domain rules take them. */
export const deliverySettings = {
  transferHours: env.DELIVERY_TRANSFER_HOURS,
  transferCutoffMinutes: env.DELIVERY_TRANSFER_CUTOFF_MINUTES,
  confirmAfterEventHours: env.DELIVERY_CONFIRM_AFTER_EVENT_HOURS,
};
