import { randomBytes } from "node:crypto";
import { OrderModel } from "../models/order";

export const oid = () => randomBytes(12).toString("hex");

/** An order of one $50 ticket written straight to the database, ending `endsInMs` from now. */
export async function writeOrder(
  status: "awaiting_payment" | "complete",
  endsInMs: number,
): Promise<string> {
  const ticketId = oid();
  const doc = await OrderModel.create({
    userId: oid(),
    ticketId,
    liveTicketId: ticketId,
    status,
    expiresAt: new Date(Date.now() + endsInMs),
    eventName: "Show",
    eventDate: new Date(Date.now() + 864e6),
    timeZone: "Europe/London",
    venue: "Hall",
    city: "Leeds",
    quantity: 1,
    currency: "USD",
    price: 5_000,
    total: 5_000,
    version: 0,
    timeline: [{ at: new Date(), status, note: "held" }],
  });
  return doc._id.toString();
}
