import type { Order, OrderIdInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError } from "@tx/service-kit";
import { toOrder } from "../domain/order";
import { cancelOrder } from "../domain/transitions";
import { findOwnOrder } from "./get";

export async function cancelOwnOrder(ctx: AuthedContext, input: OrderIdInput): Promise<Order> {
  const order = await findOwnOrder(ctx, input.orderId);
  if (order.status !== "awaiting_payment") {
    throw new DomainError(
      "CONFLICT",
      `This order is ${order.status.replace("_", " ")} and cannot be cancelled.`,
    );
  }
  const cancelled = await cancelOrder(order, "user");
  if (!cancelled)
    throw new DomainError("CONFLICT", "This order changed meanwhile. Reload the page.");
  return toOrder(cancelled);
}
