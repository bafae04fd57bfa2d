import type { EventData } from "@tx/api-contracts";
import { pendingEvent } from "@tx/service-kit";
import type { Ticket } from "../models/ticket";
import { buyerPrice } from "./buyer-price";

export type Rejection = "deleted" | "changed";

/**
 * Why a listing cannot be reserved for an order made from `orderedVersion`: it was
 * deleted, or the seller changed its terms after that version. Null: it may be reserved
 * (if nobody else holds it).
 */
export function rejectionOf(
  ticket: Pick<Ticket, "deletedAt" | "termsVersion">,
  orderedVersion: number,
): Rejection | null {
  if (ticket.deletedAt) return "deleted";
  if ((ticket.termsVersion ?? 0) > orderedVersion) return "changed";
  return null;
}

export function reservationRejected(
  order: EventData<"order.created">,
  ticket: Ticket,
  reason: Rejection,
) {
  return pendingEvent("ticket.reservation_rejected", {
    orderId: order.id,
    ticketId: order.ticket.id,
    reason,
    orderedVersion: order.ticket.version,
    ...(reason === "changed"
      ? {
          listing: {
            version: ticket.version,
            title: ticket.eventName,
            // As the buyer would pay it now, all-in.
            price: buyerPrice(ticket).buyerPrice,
            total: buyerPrice(ticket).buyerTotal,
            quantity: ticket.quantity,
          },
        }
      : {}),
  });
}
