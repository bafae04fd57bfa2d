import { randomBytes } from "node:crypto";
import { TicketModel } from "../models/ticket";

export const oid = () => randomBytes(12).toString("hex");

/** A listing of two tickets written straight to the database, available or reserved by `orderId`. */
export async function writeListing(orderId?: string): Promise<string> {
  const t = await TicketModel.create({
    eventName: "Khruangbin",
    venue: "Red Rocks",
    city: "Morrison",
    cityKey: "morrison",
    eventDate: new Date(Date.now() + 864e5 * 20),
    timeZone: "America/Denver",
    localDate: "2030-01-01",
    quantity: 2,
    currency: "USD",
    pricePerTicket: 6_000,
    faceValuePerTicket: 6_000,
    sellerId: oid(),
    sellerName: "Sam",
    ...(orderId
      ? { status: "reserved", orderId, version: 1 }
      : { status: "available", version: 0 }),
  });
  return t._id.toString();
}
