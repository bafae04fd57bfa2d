import type { Criteria } from "./search-match";

const WORD = /[\p{L}\p{N}]+/gu;

/** The term key of a query word: its first three characters (two for a two-letter word). */
const termKey = (word: string) => `term:${word.slice(0, 3)}`;

/**
 * The one bucket a saved search is filed under: its city (the narrowest filter), else its
 * first word, else "any" (dates or prices only). Every listing it can match names that
 * bucket among its own keys (keysOfListing), so matching reads only those buckets.
 */
export function bucketOf(c: Criteria): string {
  if (c.cityKey !== undefined) return `city:${c.cityKey}`;
  const first = c.terms[0];
  return first ? termKey(first) : "any";
}

/**
 * The buckets a listing must read: its city's, "any", and for every word of its title,
 * venue and city the keys a query word that is a prefix of it would have (2 and 3 letters).
 */
export function keysOfListing(listing: { title: string; venue: string; city: string }): string[] {
  const keys = new Set<string>([`city:${listing.city.toLowerCase()}`, "any"]);
  for (const text of [listing.title, listing.venue, listing.city]) {
    const words = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(WORD) ?? [];
    for (const word of words) {
      if (word.length >= 2) keys.add(termKey(word.slice(0, 2)));
      if (word.length >= 3) keys.add(termKey(word));
    }
  }
  return [...keys];
}
