import { type ListingPage, ListListingsInput } from "@tx/api-contracts";
import { DomainError } from "@tx/service-kit";
import type { QueryFilter } from "mongoose";
import { decodeCursor, encodeCursor } from "../domain/cursor";
import { queryTerms, toListing } from "../domain/listing";
import { type Ticket, TicketModel } from "../models/ticket";

const sortFields = {
  date: { field: "eventDate", direction: 1 },
  price: { field: "pricePerTicket", direction: 1 },
  newest: { field: "createdAt", direction: -1 },
} as const;

/** The query and sort for a page of listings: pure, so tests can check which index serves it. */
export function buildListQuery(
  input: ReturnType<typeof ListListingsInput.parse>,
  now = new Date(),
) {
  const { field, direction } = sortFields[input.sort];
  const { earliest, latest } = instantsAround(input.from, input.to);
  const filter: QueryFilter<Ticket> = {
    status: "available",
    deletedAt: null,
    // Past events are never for sale, whatever their status says. The bounds are the
    // widest the venue-local days can mean, so the date index narrows the scan; the
    // local date below is exact.
    eventDate: {
      $gt: new Date(Math.max(now.getTime(), earliest ?? 0)),
      ...(latest !== undefined ? { $lt: new Date(latest) } : {}),
    },
  };
  if (input.from || input.to) {
    filter.localDate = {
      ...(input.from ? { $gte: input.from } : {}),
      ...(input.to ? { $lte: input.to } : {}),
    };
  }
  if (input.city) filter.cityKey = input.city.toLowerCase();
  if (input.sellerId) filter.sellerId = input.sellerId;
  if (input.minPrice !== undefined || input.maxPrice !== undefined) {
    filter.pricePerTicket = {
      ...(input.minPrice !== undefined ? { $gte: input.minPrice } : {}),
      ...(input.maxPrice !== undefined ? { $lte: input.maxPrice } : {}),
    };
  }
  const terms = input.q ? queryTerms(input.q) : [];
  if (terms.length > 0) filter.searchTerms = { $all: terms };

  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    const value = field === "pricePerTicket" ? Number(c.v) : new Date(String(c.v));
    // A tampered cursor can decode yet hold no price or date: refused, never sent to the database.
    if (Number.isNaN(value.valueOf())) {
      throw new DomainError("INVALID", "This page link is not valid any more.", {
        fields: { cursor: "Invalid cursor." },
      });
    }
    const beyond = direction === 1 ? "$gt" : "$lt";
    filter.$and = [
      { $or: [{ [field]: { [beyond]: value } }, { [field]: value, _id: { [beyond]: c.id } }] },
    ];
  }
  return { filter, sort: { [field]: direction, _id: direction } as Record<string, 1 | -1>, field };
}

const HOUR_MS = 3_600_000;

/**
 * The instants venue-local days can fall in: clocks run from 12 hours behind UTC to 14
 * ahead, so day D starts no earlier than D 00:00 UTC - 14 h and ends by D+1 00:00 UTC + 12 h.
 */
export function instantsAround(from?: string, to?: string) {
  const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);
  return {
    earliest: from ? midnight(from) - 14 * HOUR_MS : undefined,
    latest: to ? midnight(to) + 36 * HOUR_MS : undefined,
  };
}

/** Available listings, filtered and sorted, a page at a time (keyset pagination). */
export async function listListings(raw: ListListingsInput): Promise<ListingPage> {
  const input = ListListingsInput.parse(raw);
  const { filter: query, sort, field } = buildListQuery(input);
  const docs = await TicketModel.find(query)
    .sort(sort)
    .limit(input.limit + 1)
    .select({ outbox: 0, searchTerms: 0 })
    .lean();
  const items = docs.slice(0, input.limit);
  const last = items.at(-1);
  const hasMore = docs.length > input.limit;
  const nextCursor =
    hasMore && last
      ? encodeCursor({
          v: field === "pricePerTicket" ? last.pricePerTicket : (last[field] as Date).toISOString(),
          id: last._id.toString(),
        })
      : null;
  return { items: items.map((t) => toListing(t as Ticket)), nextCursor };
}
