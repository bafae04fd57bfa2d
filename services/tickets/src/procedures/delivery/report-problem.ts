import type { Delivery, ReportProblemInput } from "@tx/api-contracts";
import { type AuthedContext, outbox, pendingEvent } from "@tx/service-kit";
import { buyersSale } from "../../delivery/sale";
import { assertDeliveryState, deliveryParties, toDelivery } from "../../domain/delivery";
import { TicketModel } from "../../models/ticket";

const OPEN = ["ready", "transferred"] as const;

/** The buyer did not get working tickets: the delivery is disputed (and the seller's money held). */
export async function reportProblem(
  ctx: AuthedContext,
  input: ReportProblemInput,
): Promise<Delivery> {
  const ticket = await buyersSale(input.orderId, ctx.user.id);
  assertDeliveryState(ticket, OPEN);
  const now = new Date();
  const updated = await outbox.update(
    TicketModel,
    { _id: ticket._id, "delivery.state": { $in: [...OPEN] } },
    {
      $set: {
        "delivery.state": "disputed",
        "delivery.problem": input.problem,
        "delivery.disputedAt": now,
      },
    },
    [
      pendingEvent("delivery.disputed", {
        ...deliveryParties(ticket, now),
        problem: input.problem,
      }),
    ],
  );
  if (!updated) {
    assertDeliveryState(await buyersSale(input.orderId, ctx.user.id), OPEN);
    throw new Error("report lost a race it should have won");
  }
  ctx.log.warn({ orderId: input.orderId }, "delivery disputed by the buyer");
  const delivery = toDelivery(updated);
  if (!delivery) throw new Error("a disputed listing has no delivery");
  return delivery;
}
