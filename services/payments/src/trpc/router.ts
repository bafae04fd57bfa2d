import {
  AuthenticateSandboxInput,
  ConfirmSandboxInput,
  Earnings,
  EarningsInput,
  OrderIdInput,
  PaymentSession,
  PaymentState,
  PayoutAccountInput,
  PayoutAccountView,
  PayoutOnboarding,
  StartPaymentInput,
  StartPayoutOnboardingInput,
} from "@tx/api-contracts";
import { authedProcedure, operatorRouter, router, systemRouter } from "@tx/service-kit";
import pkg from "../../package.json" with { type: "json" };
import { onboardingUrl, payoutAccountView } from "../payouts/connect";
import { getEarnings } from "../procedures/earnings";
import { authenticateSandbox, confirmSandbox } from "../procedures/sandbox";
import { startPayment } from "../procedures/start";
import { getPayment, syncPayment } from "../procedures/status";

export const paymentsRouter = router({
  system: systemRouter("payments", pkg.version),
  operator: operatorRouter("payments"),
  start: authedProcedure
    .input(StartPaymentInput)
    .output(PaymentSession)
    .mutation(({ ctx, input }) => startPayment(ctx, input)),
  get: authedProcedure
    .input(OrderIdInput)
    .output(PaymentState)
    .query(({ ctx, input }) => getPayment(ctx, input)),
  sync: authedProcedure
    .input(OrderIdInput)
    .output(PaymentState)
    .mutation(({ ctx, input }) => syncPayment(ctx, input)),
  sandbox: router({
    confirm: authedProcedure
      .input(ConfirmSandboxInput)
      .output(PaymentState)
      .mutation(({ ctx, input }) => confirmSandbox(ctx, input)),
    authenticate: authedProcedure
      .input(AuthenticateSandboxInput)
      .output(PaymentState)
      .mutation(({ ctx, input }) => authenticateSandbox(ctx, input)),
  }),
  // Issue 22: the signed-in seller's ledger.
  payouts: router({
    earnings: authedProcedure
      .input(EarningsInput)
      .output(Earnings)
      .query(({ ctx, input }) => getEarnings(ctx, input)),
    /** Where the signed-in seller's payouts go (Stripe Connect), never anyone else's. */
    account: authedProcedure
      .input(PayoutAccountInput)
      .output(PayoutAccountView)
      .query(({ ctx }) => payoutAccountView(ctx.user.id)),
    /** Stripe's hosted onboarding for the signed-in seller's own Connect account. */
    startOnboarding: authedProcedure
      .input(StartPayoutOnboardingInput)
      .output(PayoutOnboarding)
      .mutation(async ({ ctx }) => ({ url: await onboardingUrl(ctx.user) })),
  }),
});

export type PaymentsRouter = typeof paymentsRouter;
