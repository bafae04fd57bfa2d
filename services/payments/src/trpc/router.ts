import {
  AuthenticateSandboxInput,
  ConfirmSandboxInput,
  OrderIdInput,
  PaymentSession,
  PaymentState,
  StartPaymentInput,
} from "@tx/api-contracts";
import { authedProcedure, operatorRouter, router, systemRouter } from "@tx/service-kit";
import pkg from "../../package.json" with { type: "json" };
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
});

export type PaymentsRouter = typeof paymentsRouter;
