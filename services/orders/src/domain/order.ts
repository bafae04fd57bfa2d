import type { Order } from "@tx/api-contracts";
import { pendingEvent } from "@tx/service-kit";
import type { OrderDoc } from "../models/order";

export function toOrder(o: OrderDoc): Order {
  const money = (amount: number) => ({ amount, currency: o.currency });
  return {
    id: o._id.toString(),
    status: o.status,
    ticketId: o.ticketId,
    eventName: o.eventName,
    eventDate: o.eventDate.toISOString(),
    timeZone: o.timeZone,
    venue: o.venue,
    city: o.city,
    quantity: o.quantity,
    price: money(o.price),
    total: money(o.total),
    buyerFee: money(o.buyerFee ?? 0),
    expiresAt: o.expiresAt.toISOString(),
    ...(o.cancelReason ? { cancelReason: o.cancelReason } : {}),
    ...(o.listingChange ? { listingChange: o.listingChange } : {}),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
    timeline: o.timeline.map((t) => ({ at: t.at.toISOString(), status: t.status, note: t.note })),
  };
}

export const orderCreated = (o: OrderDoc) =>
  pendingEvent("order.created", {
    id: o._id.toString(),
    version: o.version,
    userId: o.userId,
    status: o.status,
    expiresAt: o.expiresAt.toISOString(),
    ticket: {
      id: o.ticketId,
      version: o.listingVersion ?? 0,
      price: { amount: o.total, currency: o.currency },
      buyerFee: { amount: o.buyerFee ?? 0, currency: o.currency },
      title: o.eventName,
      eventDate: o.eventDate.toISOString(),
      venue: o.venue,
      city: o.city,
      quantity: o.quantity,
      timeZone: o.timeZone,
    },
  });
