import { formatMoney, type Listing, type ListingFields, localDateOf } from "@tx/api-contracts";
import { DomainError } from "@tx/service-kit";
import type { Ticket } from "../models/ticket";
import { buyerPrice } from "./buyer-price";
import { toDeliverySummary } from "./delivery";
import { ticketErrors } from "./errors";

/** A reserved or sold listing belongs to its buyer's order: nobody may change it. */
export function assertEditable(ticket: Pick<Ticket, "status">): void {
  if (ticket.status === "reserved") throw new DomainError(ticketErrors.TICKET_RESERVED);
  if (ticket.status === "sold") throw new DomainError(ticketErrors.TICKET_SOLD);
}

export function assertOwner(ticket: Pick<Ticket, "sellerId">, userId: string): void {
  // The same answer as a missing listing would be wrong: the listing is public.
  if (ticket.sellerId !== userId) {
    throw new DomainError("FORBIDDEN", "Only the seller can change this listing.");
  }
}

/** The fairness rule: no ticket above its face value times the configured cap. */
export function assertPriceWithinCap(fields: ListingFields, capRatio: number): void {
  const max = Math.floor(fields.faceValuePerTicket * capRatio);
  if (fields.pricePerTicket > max) {
    const formatted = formatMoney({ amount: max, currency: fields.currency });
    const message = `The price can be at most ${formatted} a ticket (${capRatio === 1 ? "its face value" : `${capRatio} × its face value`}).`;
    throw new DomainError("INVALID", message, { fields: { pricePerTicket: message } });
  }
}

/** Whether an edit changes anything a buyer gets (not just the search terms derived from it). */
export function termsChanged(
  ticket: Ticket,
  changes: ReturnType<typeof fieldsToDocument>,
): boolean {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? "") === (b ?? "");
  return Object.entries(changes).some(
    ([key, value]) =>
      key !== "searchTerms" && key !== "cityKey" && !same(ticket[key as keyof Ticket], value),
  );
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Every prefix (2+ characters) of every word, lower-cased: "Taylor" gives ta, tay, ... taylor. */
export function searchTermsOf(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(WORD) ??
      []) {
      for (let i = 2; i <= Math.min(word.length, 20); i++) terms.add(word.slice(0, i));
    }
  }
  return [...terms];
}

/** The words of a query, normalised as the stored terms are (single letters are dropped). */
export function queryTerms(q: string): string[] {
  return [
    ...new Set(
      (q.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(WORD) ?? [])
        .filter((w) => w.length >= 2)
        .map((w) => w.slice(0, 20)),
    ),
  ].slice(0, 5);
}

export function fieldsToDocument(fields: ListingFields) {
  const eventDate = new Date(fields.eventDate);
  return {
    eventName: fields.eventName,
    venue: fields.venue,
    city: fields.city,
    cityKey: fields.city.toLowerCase(),
    eventDate,
    timeZone: fields.timeZone,
    localDate: localDateOf(eventDate, fields.timeZone),
    section: fields.section,
    row: fields.row,
    seats: fields.seats,
    quantity: fields.quantity,
    currency: fields.currency,
    pricePerTicket: fields.pricePerTicket,
    faceValuePerTicket: fields.faceValuePerTicket,
    note: fields.note,
    searchTerms: searchTermsOf(fields.eventName, fields.venue, fields.city),
  };
}

export function toListing(t: Ticket): Listing {
  const money = (amount: number) => ({ amount, currency: t.currency });
  return {
    id: t._id.toString(),
    eventName: t.eventName,
    venue: t.venue,
    city: t.city,
    eventDate: t.eventDate.toISOString(),
    timeZone: t.timeZone,
    localDate: t.localDate,
    ...(t.section ? { section: t.section } : {}),
    ...(t.row ? { row: t.row } : {}),
    ...(t.seats ? { seats: t.seats } : {}),
    quantity: t.quantity,
    price: money(t.pricePerTicket),
    faceValue: money(t.faceValuePerTicket),
    total: money(t.pricePerTicket * t.quantity),
    ...buyerPrice(t),
    ...(t.note ? { note: t.note } : {}),
    sellerId: t.sellerId,
    sellerName: t.sellerName,
    status: t.status,
    delivery: toDeliverySummary(t),
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
