import type { Order, OrderIdInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError } from "@tx/service-kit";
import { toOrder } from "../domain/order";
import { type OrderDoc, OrderModel } from "../models/order";

/** Another buyer's order is NOT_FOUND, exactly as a missing one: its existence is private. */
export async function findOwnOrder(ctx: AuthedContext, orderId: string): Promise<OrderDoc> {
  const order = await OrderModel.findOne({ _id: orderId, userId: ctx.user.id }).lean();
  if (!order) throw new DomainError("NOT_FOUND", "This order does not exist.");
  return order;
}

export async function getOrder(ctx: AuthedContext, input: OrderIdInput): Promise<Order> {
  return toOrder(await findOwnOrder(ctx, input.orderId));
}
