import type { Delivery, DeliveryOrderInput } from "@tx/api-contracts";
import { type AuthedContext, outbox } from "@tx/service-kit";
import { buyersSale } from "../../delivery/sale";
import { assertDeliveryState, deliveryConfirmed, toDelivery } from "../../domain/delivery";
import { type Ticket, TicketModel } from "../../models/ticket";

/** The buyer has the transferred tickets. A repeat (a double click) is answered, not refused. */
export async function confirmDelivery(
  ctx: AuthedContext,
  input: DeliveryOrderInput,
): Promise<Delivery> {
  const ticket = await buyersSale(input.orderId, ctx.user.id);
  if (ticket.delivery?.state === "confirmed") return view(ticket);
  assertDeliveryState(ticket, ["transferred"]);
  const now = new Date();
  const updated = await outbox.update(
    TicketModel,
    { _id: ticket._id, "delivery.state": "transferred" },
    {
      $set: {
        "delivery.state": "confirmed",
        "delivery.confirmedAt": now,
        "delivery.confirmedHow": "buyer_confirmed",
      },
    },
    [deliveryConfirmed(ticket, "buyer_confirmed", now)],
  );
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
