import type { Delivery, DeliveryOrderInput } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { buyerEmailOf, saleOfOrder } from "../../delivery/sale";
import { toDelivery } from "../../domain/delivery";

/** An order's delivery, for its buyer or its seller; null until the sale has reached tickets. */
export async function deliveryForOrder(
  ctx: AuthedContext,
  input: DeliveryOrderInput,
): Promise<Delivery | null> {
  const { ticket } = await saleOfOrder(input.orderId, ctx.user.id, "either");
  if (!ticket) return null;
  return toDelivery(ticket, await buyerEmailOf(ticket));
}
