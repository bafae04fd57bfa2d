import type { EventData } from "@tx/api-contracts";
import { pendingEvent } from "@tx/service-kit";
import type { Ticket } from "../models/ticket";
import { buyerPrice } from "./buyer-price";

type Snapshot = Pick<
  Ticket,
  | "_id"
  | "eventName"
  | "venue"
  | "city"
  | "eventDate"
  | "timeZone"
  | "quantity"
  | "currency"
  | "pricePerTicket"
  | "sellerId"
  | "status"
  | "orderId"
>;

function snapshot(t: Snapshot, version: number) {
  const buyer = buyerPrice(t);
  return {
    id: t._id.toString(),
    version,
    title: t.eventName,
    // All-in, as buyers pay: orders prices its orders from these.
    price: buyer.buyerPrice,
    quantity: t.quantity,
    total: buyer.buyerTotal,
    buyerFee: buyer.buyerFee,
    eventDate: t.eventDate.toISOString(),
    venue: t.venue,
    city: t.city,
    timeZone: t.timeZone,
    sellerId: t.sellerId,
    status: t.status,
  };
}

export const ticketCreated = (t: Snapshot) =>
  pendingEvent("ticket.created", snapshot(t, 0) satisfies EventData<"ticket.created">);

/**
 * The event for a ticket whose state after the change is `t` at `version`; `previousPrice`
 * when the seller changed the price (saved searches announce a cheaper listing).
 */
export const ticketUpdated = (t: Snapshot, version: number, previousPrice?: number) =>
  pendingEvent("ticket.updated", {
    ...snapshot(t, version),
    ...(t.orderId ? { orderId: t.orderId } : {}),
    ...(previousPrice !== undefined && previousPrice !== t.pricePerTicket
      ? { previousPrice: buyerPrice({ ...t, pricePerTicket: previousPrice }).buyerPrice }
      : {}),
  });

export const ticketDeleted = (t: Pick<Ticket, "_id">, version: number) =>
  pendingEvent("ticket.deleted", { id: t._id.toString(), version });
