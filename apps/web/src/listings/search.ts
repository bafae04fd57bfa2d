import {
  type ListingCriteria,
  ListingSort,
  type ListListingsInput,
  LocalDate,
} from "@tx/api-contracts";
import { z } from "zod";
import { MajorUnitsInput, majorUnits } from "../forms/money";

/** What Next hands a page as its query: a value, repeated values, or nothing. */
export type SearchParams = Record<string, string | string[] | undefined>;

// A pasted or edited link can hold anything: a value that does not parse is left out.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);
const day = LocalDate.optional().catch(undefined);
const cents = MajorUnitsInput.optional().catch(undefined);

/** How many pages back the address remembers, so "Previous" works from a shared link. */
const MAX_TRAIL = 30;

/**
 * The landing page's search, as its address holds it (so a search is a link to share):
 * q, city, from / to (days at the venue), min / max (price per ticket in major units), sort, and
 * `after`: the cursors of the pages before this one, oldest first.
 */
export const ListingSearch = z.object({
  q: text(100),
  city: text(80),
  from: day,
  to: day,
  min: cents,
  max: cents,
  sort: ListingSort.catch("date"),
  after: z.array(z.string().min(1).max(500)).max(MAX_TRAIL).catch([]),
});
export type ListingSearch = z.infer<typeof ListingSearch>;

export const PAGE_SIZE = 24;

export function parseListingSearch(params: SearchParams): ListingSearch {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const after = params.after;
  return ListingSearch.parse({
    q: first("q"),
    city: first("city"),
    from: first("from"),
    to: first("to"),
    min: first("min"),
    max: first("max"),
    sort: first("sort"),
    after: after === undefined ? [] : Array.isArray(after) ? after : [after],
  });
}

/** The tickets service's list input for this search and page. */
export function listInput(search: ListingSearch): ListListingsInput {
  return {
    q: search.q,
    city: search.city,
    // Days at the venue, as the site shows event times.
    from: search.from,
    to: search.to,
    minPrice: search.min,
    maxPrice: search.max,
    sort: search.sort,
    cursor: search.after.at(-1),
    limit: PAGE_SIZE,
  };
}

/** What the search asks of a listing, as live availability (and a saved search) holds it. */
export function criteriaOf(search: ListingSearch): ListingCriteria {
  const { q, city, from, to, min, max } = search;
  return {
    ...(q ? { q } : {}),
    ...(city ? { city } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(min !== undefined ? { minPrice: min } : {}),
    ...(max !== undefined ? { maxPrice: max } : {}),
  };
}

/** The address of this search with `after` replaced: another page of the same results. */
export function searchHref(search: ListingSearch, after: readonly string[] = []): string {
  const query = new URLSearchParams();
  if (search.q) query.set("q", search.q);
  if (search.city) query.set("city", search.city);
  if (search.from) query.set("from", search.from);
  if (search.to) query.set("to", search.to);
  if (search.min !== undefined) query.set("min", majorUnits(search.min));
  if (search.max !== undefined) query.set("max", majorUnits(search.max));
  if (search.sort !== "date") query.set("sort", search.sort);
  for (const cursor of after.slice(-MAX_TRAIL)) query.append("after", cursor);
  const qs = query.toString();
  return qs ? `/?${qs}` : "/";
}

/** Whether any filter narrows the results (an empty page then means "no match", not "no listings"). */
export function isFiltered(search: ListingSearch): boolean {
  return Boolean(
    search.q ||
      search.city ||
      search.from ||
      search.to ||
      search.min !== undefined ||
      search.max !== undefined,
  );
}
