import { z } from "zod";
import { Currency, IsoDateTime, Money, ObjectIdString } from "./common";
import { PaymentMode } from "./payments";

/** Issue 22: what a seller sees of their earnings (payments' `payouts.earnings`). */

/** An amount that may be below zero: a balance owed back after a refund of a sale paid out. */
export const SignedMoney = z.object({
  amount: z.number().int().min(-100_000_000).max(100_000_000),
  currency: Currency,
});
export type SignedMoney = z.infer<typeof SignedMoney>;

/**
 * Where a sale's money stands: `pending` (credited; delivery not confirmed, or the event and
 * the hold after it not over), `available` (the next payout sends it), `paid`, `reversed`
 * (the buyer was refunded).
 */
export const SaleStatus = z.enum(["pending", "available", "paid", "reversed"]);
export type SaleStatus = z.infer<typeof SaleStatus>;

export const EarningsSale = z.object({
  orderId: ObjectIdString,
  ticketId: ObjectIdString,
  title: z.string().max(200),
  eventDate: IsoDateTime,
  soldAt: IsoDateTime,
  price: Money,
  fee: Money,
  net: Money,
  status: SaleStatus,
  availableAt: IsoDateTime.nullable(),
  payout: z.object({ id: z.string(), paidAt: IsoDateTime }).nullable(),
});
export type EarningsSale = z.infer<typeof EarningsSale>;

/** `sending`: decided, its Stripe transfer not yet confirmed; `sent`: the money left. */
export const PayoutStatus = z.enum(["sending", "sent"]);
export type PayoutStatus = z.infer<typeof PayoutStatus>;

export const EarningsPayout = z.object({
  id: z.string(),
  amount: Money,
  paidAt: IsoDateTime,
  sales: z.number().int().nonnegative(),
  mode: PaymentMode,
  status: PayoutStatus,
});
export type EarningsPayout = z.infer<typeof EarningsPayout>;

/** One currency's totals: pending + available = what is still to come (available may be < 0). */
export const EarningsAccount = z.object({
  currency: Currency,
  pending: Money,
  available: SignedMoney,
  paid: Money,
  sales: z.array(EarningsSale),
  payouts: z.array(EarningsPayout),
});
export type EarningsAccount = z.infer<typeof EarningsAccount>;

export const EarningsInput = z.object({}).strict();
export type EarningsInput = z.infer<typeof EarningsInput>;

export const Earnings = z.object({
  accounts: z.array(EarningsAccount),
  /** The platform's fee, in basis points (1000 = 10 %). */
  feeBps: z.number().int().min(0).max(10_000),
  /** Hours after the event before a confirmed sale can be paid out. */
  holdHours: z.number().nonnegative(),
  /** The smallest payout, in minor units. */
  minimum: z.number().int().positive(),
});
export type Earnings = z.infer<typeof Earnings>;

/**
 * Where a seller's payouts go. Sandbox: nothing to set up (`not_needed`). Stripe: a Connect
 * Express account, `not_started`, `onboarding` (Stripe still needs details) or `ready`.
 */
export const PayoutAccountView = z.object({
  mode: PaymentMode,
  status: z.enum(["not_needed", "not_started", "onboarding", "ready"]),
});
export type PayoutAccountView = z.infer<typeof PayoutAccountView>;

export const PayoutAccountInput = z.object({}).strict();
export type PayoutAccountInput = z.infer<typeof PayoutAccountInput>;

/** Starts (or resumes) Stripe's hosted onboarding: the seller is sent to `url`. */
export const StartPayoutOnboardingInput = z.object({}).strict();
export type StartPayoutOnboardingInput = z.infer<typeof StartPayoutOnboardingInput>;
export const PayoutOnboarding = z.object({ url: z.url() });
export type PayoutOnboarding = z.infer<typeof PayoutOnboarding>;
