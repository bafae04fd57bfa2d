import type { Logger } from "@tx/service-kit";
import { env } from "../env";
import {
  type DigestListing,
  SavedSearchModel,
  SearchBucketModel,
  SearchDigestModel,
} from "../models/saved-search";
import type { ListingEvent, Match } from "./match";

/**
 * Files the listing into each matching search's waiting email. The first match opens the
 * window (dueAt = now + the digest period); later ones join it; flush.ts sends it.
 */
export async function fileMatches(
  data: ListingEvent,
  found: readonly Match[],
  log: Logger,
  now = new Date(),
): Promise<number> {
  let filed = 0;
  for (const { bucket, entry } of found) {
    const search = await SavedSearchModel.findById(entry.id, { mutedAt: 1 }).lean();
    if (!search) {
      // Deleted between its bucket and its document: tidy the bucket.
      await SearchBucketModel.updateOne({ _id: bucket }, { $pull: { searches: { id: entry.id } } });
      continue;
    }
    if (search.mutedAt) continue;
    const listing: DigestListing = {
      id: data.id,
      title: data.title,
      venue: data.venue,
      city: data.city,
      eventDate: data.eventDate,
      timeZone: data.timeZone ?? "UTC",
      price: data.price,
      at: now,
    };
    await SearchDigestModel.updateOne(
      { _id: entry.id },
      { $set: { [`listings.${data.id}`]: listing }, $setOnInsert: { userId: entry.userId } },
      { upsert: true, setDefaultsOnInsert: false },
    );
    await SearchDigestModel.updateOne(
      { _id: entry.id, dueAt: null },
      { $set: { dueAt: new Date(now.getTime() + env.SAVED_SEARCH_DIGEST_SECONDS * 1_000) } },
    );
    filed += 1;
  }
  if (filed > 0) log.info({ ticketId: data.id, searches: filed }, "listing matched saved searches");
  return filed;
}
