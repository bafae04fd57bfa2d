import { type AuthedContext, DomainError } from "@tx/service-kit";
import { OrderReplicaModel } from "../models/order-replica";
import { PaymentModel } from "../models/payment";

/** Another buyer's order is NOT_FOUND, as a missing one is: its existence is private. */
export async function findOwnOrder(ctx: AuthedContext, orderId: string) {
  const order = await OrderReplicaModel.findById(orderId).lean();
  if (!order || order.userId !== ctx.user.id)
    throw new DomainError("NOT_FOUND", "This order does not exist.");
  return order;
}

export async function findOwnPayment(ctx: AuthedContext, orderId: string) {
  const payment = await PaymentModel.findById(orderId).lean();
  if (!payment || payment.userId !== ctx.user.id) {
    throw new DomainError("NOT_FOUND", "No payment has been started for this order.");
  }
  return payment;
}
