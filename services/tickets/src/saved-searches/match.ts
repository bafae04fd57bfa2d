import type { EventData } from "@tx/api-contracts";
import { keysOfListing } from "../domain/saved-search-buckets";
import { candidateOf, matches } from "../domain/search-match";
import { type BucketEntry, type SearchBucketDoc, SearchBucketModel } from "../models/saved-search";

export type ListingEvent = EventData<"ticket.created"> | EventData<"ticket.updated">;

/** Whether the event announces a listing a saved search should hear of: new, or cheaper. */
export function isNewOrCheaper(
  event:
    | { type: "ticket.created"; data: EventData<"ticket.created"> }
    | { type: "ticket.updated"; data: EventData<"ticket.updated"> },
): boolean {
  if (event.data.status !== "available") return false;
  if (event.type === "ticket.created") return true;
  const before = event.data.previousPrice;
  return before !== undefined && event.data.price.amount < before.amount;
}

/** A saved search that matched, and the bucket it was found in. */
export type Match = { bucket: string; entry: BucketEntry };

/**
 * The saved searches the listing matches: it reads its own few buckets by _id (its city's,
 * "any", and the term keys of its words) and tests each search in them in memory, so the
 * cost grows with the searches that could match, not with every saved search.
 */
export async function matchingSearches(data: ListingEvent): Promise<Match[]> {
  const buckets = await Promise.all(
    keysOfListing(data).map((key) => SearchBucketModel.findById(key).lean<SearchBucketDoc>()),
  );
  const candidate = candidateOf(data);
  return buckets.flatMap((b) =>
    b
      ? b.searches
          // A seller is not told about their own listing.
          .filter((e) => e.userId !== data.sellerId && matches(e.criteria, candidate))
          .map((entry) => ({ bucket: b._id, entry }))
      : [],
  );
}
