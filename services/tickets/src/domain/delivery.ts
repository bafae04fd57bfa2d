import type {
  Delivery,
  DeliveryConfirmedHow,
  ListingDeliverySummary,
  TicketFile,
} from "@tx/api-contracts";
import { DomainError, type PendingEvent, pendingEvent } from "@tx/service-kit";
import type { StoredTicketFile, Ticket, TicketDelivery } from "../models/ticket";
import { ticketErrors } from "./errors";

export type DeliverySettings = {
  transferHours: number;
  transferCutoffMinutes: number;
  confirmAfterEventHours: number;
};

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A listing's delivery; one made before delivery existed is a transfer with no files. */
export function deliveryOf(t: Pick<Ticket, "delivery">): TicketDelivery {
  return t.delivery?.method ? t.delivery : { method: "transfer", files: [] };
}

/**
 * When a transfer is due: `transferHours` after the sale, and in any case the cutoff before
 * the event. A sale made after that cutoff (minutes before the doors open) is due at the
 * event itself, the latest moment a transfer is still of use.
 */
export function transferDeadline(soldAt: Date, eventDate: Date, s: DeliverySettings): Date {
  const due = soldAt.getTime() + s.transferHours * HOUR;
  const cutoff = eventDate.getTime() - s.transferCutoffMinutes * MINUTE;
  const latest = cutoff > soldAt.getTime() ? cutoff : eventDate.getTime();
  return new Date(Math.min(due, latest));
}

type Priced = Pick<Ticket, "pricePerTicket" | "quantity" | "currency">;
type Sold = Pick<Ticket, "_id" | "sellerId" | "delivery" | "eventDate"> & Priced;

/**
 * What the sale adds to the listing, written by the same update that marks it sold: the
 * buyer, the delivery's first state, and its event. Files are ready at once; a transfer is
 * requested from the seller, with its deadline.
 */
export function saleDelivery(
  ticket: Sold,
  order: { id: string; buyerId: string },
  soldAt: Date,
  s: DeliverySettings,
): { set: Record<string, unknown>; event: PendingEvent } {
  const delivery = deliveryOf(ticket);
  const parties = {
    orderId: order.id,
    ticketId: ticket._id.toString(),
    buyerId: order.buyerId,
    sellerId: ticket.sellerId,
    price: salePrice(ticket),
    at: soldAt.toISOString(),
  };
  const base = { "delivery.method": delivery.method, "delivery.buyerId": order.buyerId };
  if (delivery.method === "download" && delivery.files.length > 0) {
    return {
      set: { ...base, "delivery.state": "ready", "delivery.downloaded": [] },
      event: pendingEvent("delivery.ready", { ...parties, files: delivery.files.length }),
    };
  }
  const deadline = transferDeadline(soldAt, ticket.eventDate, s);
  return {
    set: { ...base, "delivery.state": "transfer_requested", "delivery.deadline": deadline },
    event: pendingEvent("delivery.transfer_requested", {
      ...parties,
      deadline: deadline.toISOString(),
    }),
  };
}

/** What the buyer paid for the lot (a sold listing's price no longer changes). */
const salePrice = (t: Priced) => ({ amount: t.pricePerTicket * t.quantity, currency: t.currency });

export type WithSale = Pick<Ticket, "_id" | "sellerId" | "orderId" | "delivery"> & Priced;

/** Who a delivery event is about, from a sold listing, and when (`at`) it happened. */
export function deliveryParties(t: WithSale, at: Date) {
  const buyerId = t.delivery?.buyerId;
  if (!t.orderId || !buyerId) throw new Error(`listing ${t._id} has no sale`);
  return {
    orderId: t.orderId,
    ticketId: t._id.toString(),
    buyerId,
    sellerId: t.sellerId,
    price: salePrice(t),
    at: at.toISOString(),
  };
}

export const deliveryConfirmed = (t: WithSale, how: DeliveryConfirmedHow, at: Date) =>
  pendingEvent("delivery.confirmed", { ...deliveryParties(t, at), how });

/** The public face of a listing's delivery: its method and how many files, never the files. */
export function toDeliverySummary(t: Pick<Ticket, "delivery">): ListingDeliverySummary {
  const d = deliveryOf(t);
  return { method: d.method, files: d.files.length };
}

export function toTicketFile(f: StoredTicketFile): TicketFile {
  return { id: f._id.toString(), name: f.name, size: f.size, contentType: f.contentType };
}

/** A sold listing's delivery as its buyer and seller see it; null before the sale reached it. */
export function toDelivery(
  t: Pick<Ticket, "_id" | "orderId" | "status" | "delivery">,
  buyerEmail?: string,
): Delivery | null {
  const d = deliveryOf(t);
  if (t.status !== "sold" || !t.orderId || !d.state) return null;
  const downloaded = new Set(d.downloaded ?? []);
  return {
    ticketId: t._id.toString(),
    orderId: t.orderId,
    method: d.method,
    state: d.state,
    files: d.files.map((f) => ({
      ...toTicketFile(f),
      downloaded: downloaded.has(f._id.toString()),
    })),
    ...(d.deadline ? { deadline: d.deadline.toISOString() } : {}),
    ...(buyerEmail ? { buyerEmail } : {}),
    ...(d.reference ? { reference: d.reference } : {}),
    ...(d.transferredAt ? { transferredAt: d.transferredAt.toISOString() } : {}),
    ...(d.confirmedAt ? { confirmedAt: d.confirmedAt.toISOString() } : {}),
    ...(d.confirmedHow ? { confirmedHow: d.confirmedHow } : {}),
    ...(d.failedAt ? { failedAt: d.failedAt.toISOString() } : {}),
    ...(d.disputedAt ? { disputedAt: d.disputedAt.toISOString() } : {}),
    ...(d.problem ? { problem: d.problem } : {}),
  };
}

/** A sale's delivery that a party acts on: refused with the state's own reason otherwise. */
export function assertDeliveryState(
  t: Pick<Ticket, "delivery">,
  allowed: readonly NonNullable<TicketDelivery["state"]>[],
): void {
  const state = deliveryOf(t).state;
  if (state && allowed.includes(state)) return;
  throw new DomainError(ticketErrors.DELIVERY_NOT_POSSIBLE, deliveryRefusal[state ?? "none"]);
}

const deliveryRefusal: Record<NonNullable<TicketDelivery["state"]> | "none", string> = {
  none: "These tickets have not been sold yet.",
  ready: "These tickets are ready to download.",
  transfer_requested: "The seller has not reported the transfer yet.",
  transferred: "The seller has already reported the transfer.",
  confirmed: "The buyer has already confirmed these tickets.",
  failed: "The transfer deadline has passed: the buyer was refunded.",
  disputed: "The buyer has reported a problem with these tickets.",
};

/**
 * Who may fetch a listing's files: its seller, always; its buyer, once the order is
 * complete (the listing sold to them). To anyone else the files do not exist.
 */
export function mayReadFiles(
  t: Pick<Ticket, "sellerId" | "status" | "delivery">,
  userId: string | undefined,
): "seller" | "buyer" | null {
  if (!userId) return null;
  if (t.sellerId === userId) return "seller";
  if (t.status === "sold" && t.delivery?.buyerId === userId) return "buyer";
  return null;
}
