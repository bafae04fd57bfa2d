import type {
  AuthenticateSandboxInput,
  BillingAddress,
  PaymentState,
  SandboxCard,
} from "@tx/api-contracts";
import { type AuthedContext, DomainError } from "@tx/service-kit";
import { toPaymentState } from "../domain/payment-view";
import { recordFailure, settleSucceeded } from "../domain/record-payment";
import type { Intent } from "../gateway/gateway";
import { sandbox } from "../gateway/index";
import { type Payment, PaymentModel } from "../models/payment";
import { findOwnOrder, findOwnPayment } from "./own";

function sandboxOnly() {
  const s = sandbox();
  if (!s) throw new DomainError("NOT_FOUND", "Card payments go through Stripe here.");
  return s;
}

/** What the browser learns right away, as Stripe.js would tell it; the webhook follows. */
async function afterConfirm(
  ctx: AuthedContext,
  payment: Payment,
  intent: Intent,
): Promise<PaymentState> {
  const orderId = payment.orderId;
  if (intent.status === "succeeded") {
    // Settling returns the payment as it wrote or found it: no need to read it again.
    const settled = await settleSucceeded(intent, ctx.log, payment);
    if (settled) return toPaymentState(settled);
  } else if (intent.status === "requires_action") {
    await PaymentModel.updateOne(
      { _id: intent.orderId, intentId: intent.id, status: { $nin: ["succeeded", "refunded"] } },
      { $set: { status: "requires_action", lastError: null, billing: intent.billing } },
    );
  } else await recordFailure(intent);
  return toPaymentState(await findOwnPayment(ctx, orderId));
}

/** No charge for a hold that is over, even before its cancellation has reached us. */
async function holdStillOn(ctx: AuthedContext, orderId: string): Promise<void> {
  const order = await findOwnOrder(ctx, orderId);
  if (order.status !== "awaiting_payment" || order.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("CONFLICT", "The hold on these tickets has ended.");
  }
}

export async function confirmSandbox(
  ctx: AuthedContext,
  input: { orderId: string; card: SandboxCard; billing: BillingAddress },
): Promise<PaymentState> {
  const s = sandboxOnly();
  const payment = await findOwnPayment(ctx, input.orderId);
  await holdStillOn(ctx, input.orderId);
  const intent = await s.confirm(payment.intentId, input.card, input.billing);
  return afterConfirm(ctx, payment, intent);
}

export async function authenticateSandbox(
  ctx: AuthedContext,
  input: AuthenticateSandboxInput,
): Promise<PaymentState> {
  const s = sandboxOnly();
  const payment = await findOwnPayment(ctx, input.orderId);
  await holdStillOn(ctx, input.orderId);
  const intent = await s.authenticate(payment.intentId, input.outcome);
  return afterConfirm(ctx, payment, intent);
}
