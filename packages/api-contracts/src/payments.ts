import { z } from "zod";
import { Money, ObjectIdString } from "./common";

const line = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}.`).max(max, `Use at most ${max} characters.`);

/** The billing address, as Stripe's Address Element collects it. */
export const BillingAddress = z.object({
  name: line("name on the card", 100),
  line1: line("address", 200),
  line2: z
    .string()
    .trim()
    .max(200, "Use at most 200 characters.")
    .optional()
    .transform((v) => v || undefined),
  city: line("city", 100),
  state: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .optional()
    .transform((v) => v || undefined),
  postalCode: line("postal code", 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country."),
});
export type BillingAddress = z.infer<typeof BillingAddress>;

export const PaymentStatus = z.enum([
  "requires_payment_method",
  "requires_action",
  "processing",
  "succeeded",
  "refunded",
  // Issue 17: the order ended first, so its intent was canceled at the provider.
  "canceled",
]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const PaymentMode = z.enum(["sandbox", "stripe"]);
export type PaymentMode = z.infer<typeof PaymentMode>;

export const StartPaymentInput = z.object({ orderId: ObjectIdString });
export type StartPaymentInput = z.infer<typeof StartPaymentInput>;

/** What the checkout page needs to collect the card: never an amount it could change. */
export const PaymentSession = z.object({
  orderId: ObjectIdString,
  mode: PaymentMode,
  intentId: z.string(),
  clientSecret: z.string(),
  publishableKey: z.string().nullable(),
  amount: Money,
  status: PaymentStatus,
  lastError: z.string().nullable(),
});
export type PaymentSession = z.infer<typeof PaymentSession>;

/** A test card, as the sandbox form collects it (the Stripe path never sends card data to us). */
export const SandboxCard = z.object({
  number: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, "Enter the card number.")),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "Use MM / YY."),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digits on the back."),
});
export type SandboxCard = z.infer<typeof SandboxCard>;

export const ConfirmSandboxInput = z.object({
  orderId: ObjectIdString,
  card: SandboxCard,
  billing: BillingAddress,
});
export type ConfirmSandboxInput = z.input<typeof ConfirmSandboxInput>;

export const AuthenticateSandboxInput = z.object({
  orderId: ObjectIdString,
  outcome: z.enum(["complete", "fail"]),
});
export type AuthenticateSandboxInput = z.infer<typeof AuthenticateSandboxInput>;

/** The state of an order's payment, for checkout and the confirmation page. */
export const PaymentState = z.object({
  orderId: ObjectIdString,
  status: PaymentStatus,
  amount: Money,
  billingName: z.string().nullable(),
  lastError: z.string().nullable(),
  /** For a 3-D Secure challenge: the buyer must authenticate before the charge. */
  requiresAction: z.boolean(),
});
export type PaymentState = z.infer<typeof PaymentState>;
