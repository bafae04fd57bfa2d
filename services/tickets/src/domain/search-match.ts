import { type EventData, type ListingCriteria, localDateOf } from "@tx/api-contracts";
import { queryTerms, searchTermsOf } from "./listing";

/**
 * A search as the matcher holds it: its words as the stored search terms are made (the
 * landing page's `q`), the city's key, venue-local days and the price range per ticket.
 */
export type Criteria = {
  terms: string[];
  cityKey?: string;
  from?: string;
  to?: string;
  minPrice?: number;
  maxPrice?: number;
};

/** What the matcher knows of a listing: the same fields the landing page's query reads. */
export type Candidate = {
  searchTerms: ReadonlySet<string>;
  cityKey: string;
  localDate: string;
  price: number;
};

export function criteriaOf(search: ListingCriteria): Criteria {
  return {
    terms: search.q ? queryTerms(search.q) : [],
    ...(search.city ? { cityKey: search.city.toLowerCase() } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    ...(search.minPrice !== undefined ? { minPrice: search.minPrice } : {}),
    ...(search.maxPrice !== undefined ? { maxPrice: search.maxPrice } : {}),
  };
}

/** A listing as its ticket.created / ticket.updated event describes it. */
export function candidateOf(
  data: EventData<"ticket.created"> | EventData<"ticket.updated">,
): Candidate {
  return {
    searchTerms: new Set(searchTermsOf(data.title, data.venue, data.city)),
    cityKey: data.city.toLowerCase(),
    localDate: localDateOf(data.eventDate, data.timeZone ?? "UTC"),
    price: data.price.amount,
  };
}

/** Whether the landing page's query (procedures/list.ts) would find the listing for this search. */
export function matches(c: Criteria, l: Candidate): boolean {
  if (c.cityKey !== undefined && c.cityKey !== l.cityKey) return false;
  if (c.from !== undefined && l.localDate < c.from) return false;
  if (c.to !== undefined && l.localDate > c.to) return false;
  if (c.minPrice !== undefined && l.price < c.minPrice) return false;
  if (c.maxPrice !== undefined && l.price > c.maxPrice) return false;
  return c.terms.every((t) => l.searchTerms.has(t));
}
