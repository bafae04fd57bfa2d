import {
  AuthenticateSandboxInput,
  ConfirmSandboxInput,
  Earnings,
  EarningsInput,
  OrderIdInput,
  PaymentSession,
  PaymentState,
  StartPaymentInput,
} from "@tx/api-contracts";
import { authedProcedure, operatorRouter, router, systemRouter } from "@tx/service-kit";
import pkg from "../../package.json" with { type: "json" };
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
  }),
});

export type PaymentsRouter = typeof paymentsRouter;
