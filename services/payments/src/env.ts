import { authEnvShape, parseEnv, reconcileEnvShape, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

const base = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...reconcileEnvShape,
  PORT: serviceEnvShape.PORT.default(4004),
  /** With a key, real Stripe; without, the built-in sandbox gateway. */
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().startsWith("pk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** Where the Stripe SDK sends requests: only a local stub in tests ever sets these. */
  STRIPE_API_HOST: z.string().optional(),
  STRIPE_API_PORT: z.coerce.number().int().optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
});

function checked() {
  if (base.STRIPE_SECRET_KEY && (!base.STRIPE_WEBHOOK_SECRET || !base.STRIPE_PUBLISHABLE_KEY)) {
    throw new Error(
      "Invalid or missing environment variables:\n  STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY are required with STRIPE_SECRET_KEY",
    );
  }
  if (!base.STRIPE_SECRET_KEY && base.NODE_ENV === "production") {
    throw new Error(
      "Invalid or missing environment variables:\n  STRIPE_SECRET_KEY is required in production (the sandbox gateway takes no real money)",
    );
  }
  return {
    ...base,
    // The sandbox signs its webhooks like Stripe does, with a local secret that never leaves the process.
    WEBHOOK_SECRET: base.STRIPE_WEBHOOK_SECRET ?? "whsec_sandbox_local_only",
  };
}

export const env = checked();
