import type { EventData } from "@tx/api-contracts";
import { OrderModel } from "../../models/order";

/**
 * A ticket.updated that names an order and is not "available" means tickets reserved the
 * listing for that order (at the version it was made from). Only such an order may
 * complete: a payment for one not yet confirmed waits (order-outcomes.ts).
 */
export async function noteReservation(ticket: EventData<"ticket.updated">): Promise<void> {
  if (!ticket.orderId || ticket.status === "available") return;
  await OrderModel.updateOne(
    { _id: ticket.orderId, reservedAt: { $exists: false } },
    { $set: { reservedAt: new Date() } },
  );
}
