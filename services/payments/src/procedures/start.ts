import type { PaymentSession, StartPaymentInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError, isDuplicateKey } from "@tx/service-kit";
import { gateway } from "../gateway/index";
import { PaymentModel } from "../models/payment";
import { findOwnOrder } from "./own";

/**
 * Creates (or returns) the order's payment intent, for the amount this service knows from
 * its own replica of the order. The idempotency key is derived from the order, so however
 * often this runs, there is one intent and one payment per order.
 */
export async function startPayment(
  ctx: AuthedContext,
  input: StartPaymentInput,
): Promise<PaymentSession> {
  const order = await findOwnOrder(ctx, input.orderId);
  const existing = await PaymentModel.findOne({ orderId: order._id }).lean();
  if (existing?.status === "succeeded" || existing?.status === "refunded") {
    throw new DomainError("CONFLICT", "This order is already paid.");
  }
  if (order.status !== "awaiting_payment" || order.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("CONFLICT", "The hold on these tickets has ended.");
  }
  const g = gateway();
  const intent = await g.createIntent({
    orderId: order._id,
    amount: order.amount,
    currency: order.currency,
    idempotencyKey: `order-${order._id}`,
    description: `Ticket Exchange order ${order._id}: ${order.title}`,
  });
  const payment =
    existing ??
    (await PaymentModel.create({
      orderId: order._id,
      userId: order.userId,
      intentId: intent.id,
      mode: g.mode,
      amount: order.amount,
      currency: order.currency,
      status: "requires_payment_method",
    }).catch(async (err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
      return PaymentModel.findOne({ orderId: order._id }).lean();
    }));
  if (!payment) throw new DomainError("CONFLICT", "Try again.");
  return {
    orderId: order._id,
    mode: g.mode,
    intentId: intent.id,
    clientSecret: intent.clientSecret,
    publishableKey: g.publishableKey,
    amount: { amount: payment.amount, currency: payment.currency },
    status: payment.status,
    lastError: payment.lastError,
  };
}
