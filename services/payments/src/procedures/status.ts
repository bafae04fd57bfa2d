import type { OrderIdInput, PaymentState } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { toPaymentState } from "../domain/payment-view";
import { settleSucceeded } from "../domain/record-payment";
import { gateway } from "../gateway/index";
import { findOwnPayment } from "./own";

export async function getPayment(ctx: AuthedContext, input: OrderIdInput): Promise<PaymentState> {
  return toPaymentState(await findOwnPayment(ctx, input.orderId));
}

/** The return from the payment page: ask the provider, so a slow webhook changes nothing. */
export async function syncPayment(ctx: AuthedContext, input: OrderIdInput): Promise<PaymentState> {
  const payment = await findOwnPayment(ctx, input.orderId);
  if (payment.status === "succeeded" || payment.status === "refunded") {
    return toPaymentState(payment);
  }
  const intent = await gateway().retrieveIntent(payment.intentId);
  if (intent.status !== "succeeded") return toPaymentState(payment);
  const settled = await settleSucceeded(intent, ctx.log, payment);
  return toPaymentState(settled ?? (await findOwnPayment(ctx, input.orderId)));
}
