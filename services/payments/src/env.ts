import {
  authEnvShape,
  parseEnv,
  rateSetting,
  reconcileEnvShape,
  redisEnvShape,
  serviceEnvShape,
  webBaseUrlEnvShape,
} from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv(
  z
    .object({
      ...serviceEnvShape,
      ...authEnvShape,
      ...redisEnvShape,
      ...reconcileEnvShape,
      // Stripe Connect's onboarding returns the seller to the Earnings page.
      ...webBaseUrlEnvShape,
      PORT: serviceEnvShape.PORT.default(4004),
      /** "<points>/<seconds>": payments started per buyer, and per client address. */
      PAYMENT_START_PER_USER: rateSetting("30/60"),
      PAYMENT_START_PER_ADDRESS: rateSetting("120/60"),
      /** With a key, real Stripe; without, the built-in sandbox gateway. */
      STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
      STRIPE_PUBLISHABLE_KEY: z.string().startsWith("pk_").optional(),
      STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
      /** Where the Stripe SDK sends requests: only a local stub in tests ever sets these. */
      STRIPE_API_HOST: z.string().optional(),
      STRIPE_API_PORT: z.coerce.number().int().optional(),
      STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
      // Issue 22: seller payouts (domain/ledger.ts, payouts/).
      /** The platform's share of each sale in basis points (1000 = 10 %); see domain/fees.ts. */
      PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(1000),
      /** Hours after the event before a confirmed sale's money can be paid out. */
      PAYOUT_HOLD_HOURS: z.coerce
        .number()
        .nonnegative()
        .max(24 * 365)
        .default(24),
      /** The smallest balance a payout run sends, in minor units of its currency. */
      PAYOUT_MINIMUM: z.coerce.number().int().min(1).default(1000),
      /** When the payout run starts (cron, in PAYOUT_TZ). */
      PAYOUT_CRON: z.string().min(9).default("0 6 * * *"),
      PAYOUT_TZ: z.string().min(1).default("UTC"),
    })
    .superRefine((env, ctx) => {
      if (env.STRIPE_SECRET_KEY) {
        for (const name of ["STRIPE_WEBHOOK_SECRET", "STRIPE_PUBLISHABLE_KEY"] as const) {
          if (!env[name]) {
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: "required with STRIPE_SECRET_KEY",
            });
          }
        }
      } else if (env.NODE_ENV === "production") {
        ctx.addIssue({
          code: "custom",
          path: ["STRIPE_SECRET_KEY"],
          message: "required in production (the sandbox gateway takes no real money)",
        });
      }
    })
    .transform((env) => ({
      ...env,
      // The sandbox signs its webhooks like Stripe does, with a local secret that never leaves the process.
      WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? "whsec_sandbox_local_only",
    })),
);
