import type { PaymentSession, StartPaymentInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError, isDuplicateKey } from "@tx/service-kit";
import { cancelIntentOfEndedOrder } from "../domain/cancel-intent";
import { paymentErrors } from "../domain/errors";
import { gateway } from "../gateway/index";
import { type OrderReplica, OrderReplicaModel } from "../models/order-replica";
import { type Payment, PaymentModel } from "../models/payment";
import { limits } from "../runtime";
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
  await limits.get().start.take(ctx.user.id, ctx.clientIp);
  if (!payable(order)) await refuse(order);
  const g = gateway();
  const intent = await g.createIntent({
    orderId: order._id,
    amount: order.amount,
    currency: order.currency,
    idempotencyKey: `order-${order._id}`,
    description: `Ticket Exchange order ${order._id}: ${order.title}`,
  });
  // The first start creates the payment; a repeat finds it (its _id is the order's).
  const payment = await PaymentModel.create({
    _id: order._id,
    orderId: order._id,
    userId: order.userId,
    intentId: intent.id,
    mode: g.mode,
    amount: order.amount,
    currency: order.currency,
    status: "requires_payment_method",
  })
    .then((created) => created.toObject())
    .catch(async (err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
      return PaymentModel.findById(order._id).lean();
    });
  if (!payment) throw new DomainError("CONFLICT", "Try again.");
  if (alreadyPaid(payment)) throw new DomainError("CONFLICT", "This order is already paid.");
  // The order may have ended between the check above and the payment's write; its
  // order.cancelled consumer then found no payment whose intent to cancel. The consumer
  // writes the replica, then reads the payment; this wrote the payment, then reads the
  // replica: one of the two sees the other, so no intent stays open for an ended order.
  const now = await OrderReplicaModel.findById(order._id).lean();
  if (!now || !payable(now)) {
    await cancelIntentOfEndedOrder(order._id, ctx.log);
    await refuse(now ?? order);
  }
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

const alreadyPaid = (p: Payment | null) => p?.status === "succeeded" || p?.status === "refunded";
const listingChanged = (order: OrderReplica) =>
  order.reservationRejected || order.cancelReason === "listing_changed";

/** Whether the order can be paid for now: held, unchanged, and its hold not over. */
function payable(order: OrderReplica): boolean {
  return (
    !listingChanged(order) &&
    order.status === "awaiting_payment" &&
    order.expiresAt.getTime() > Date.now()
  );
}

/** Why an order that is not payable is refused (already paid, listing changed, hold over). */
async function refuse(order: OrderReplica): Promise<never> {
  if (alreadyPaid(await PaymentModel.findById(order._id).lean())) {
    throw new DomainError("CONFLICT", "This order is already paid.");
  }
  if (listingChanged(order)) {
    throw new DomainError(
      paymentErrors.LISTING_CHANGED,
      "The seller changed or removed this listing as you bought it, so it cannot be paid for.",
    );
  }
  throw new DomainError("CONFLICT", "The hold on these tickets has ended.");
}
