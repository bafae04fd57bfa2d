import type { Delivery, DeliveryOrderInput } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { markConfirmed } from "../../delivery/confirm";
import { buyersSale } from "../../delivery/sale";
import { assertDeliveryState, toDelivery } from "../../domain/delivery";
import type { Ticket } from "../../models/ticket";

/** The buyer has the transferred tickets. A repeat (a double click) is answered, not refused. */
export async function confirmDelivery(
  ctx: AuthedContext,
  input: DeliveryOrderInput,
): Promise<Delivery> {
  const ticket = await buyersSale(input.orderId, ctx.user.id);
  if (ticket.delivery?.state === "confirmed") return view(ticket);
  assertDeliveryState(ticket, ["transferred"]);
  const updated = await markConfirmed(ticket, "transferred", "buyer_confirmed");
  if (!updated) {
    const current = await buyersSale(input.orderId, ctx.user.id);
    if (current.delivery?.state === "confirmed") return view(current);
    assertDeliveryState(current, ["transferred"]);
    throw new Error("confirm lost a race it should have won");
  }
  ctx.log.info({ orderId: input.orderId }, "transfer confirmed by the buyer");
  return view(updated);
}

function view(t: Ticket): Delivery {
  const delivery = toDelivery(t);
  if (!delivery) throw new Error("a sold listing has no delivery");
  return delivery;
}
