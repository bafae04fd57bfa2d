import type {
  ListingCriteria,
  SavedSearch,
  SaveSearchInput,
  UnsubscribeInput,
} from "@tx/api-contracts";
import { type AuthedContext, DomainError, type Logger } from "@tx/service-kit";
import { bucketOf } from "../domain/saved-search-buckets";
import { criteriaOf } from "../domain/search-match";
import { verifyUnsubscribeToken } from "../domain/unsubscribe-token";
import { env } from "../env";
import {
  type SavedSearchDoc,
  SavedSearchModel,
  SearchBucketModel,
  SearchDigestModel,
} from "../models/saved-search";

/** How many searches a buyer may keep. */
const MAX_PER_USER = 25;

const toSavedSearch = (s: SavedSearchDoc): SavedSearch => ({
  id: s._id.toString(),
  name: s.name,
  criteria: s.criteria,
  createdAt: s.createdAt.toISOString(),
  muted: s.mutedAt !== null,
});

/** "Taylor in London, from Dec 8, up to $150": what the page and the email call the search. */
export function nameOf(c: ListingCriteria): string {
  const parts: string[] = [];
  if (c.q) parts.push(`“${c.q}”`);
  if (c.city) parts.push(`in ${c.city}`);
  if (c.from && c.to) parts.push(`${c.from} to ${c.to}`);
  else if (c.from) parts.push(`from ${c.from}`);
  else if (c.to) parts.push(`until ${c.to}`);
  const price = (cents: number) => (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  if (c.minPrice !== undefined) parts.push(`from ${price(c.minPrice)} a ticket`);
  if (c.maxPrice !== undefined) parts.push(`up to ${price(c.maxPrice)} a ticket`);
  return parts.join(", ").slice(0, 200) || "All listings";
}

/** Saves the search and files it in its matching bucket (the search first: see deleting). */
export async function saveSearch(ctx: AuthedContext, input: SaveSearchInput): Promise<SavedSearch> {
  const count = await SavedSearchModel.countDocuments({ userId: ctx.user.id });
  if (count >= MAX_PER_USER) {
    throw new DomainError(
      "CONFLICT",
      `You can keep ${MAX_PER_USER} saved searches. Delete one to save another.`,
    );
  }
  const criteria = criteriaOf(input.criteria);
  const bucket = bucketOf(criteria);
  const saved = await SavedSearchModel.create({
    userId: ctx.user.id,
    name: nameOf(input.criteria),
    criteria: input.criteria,
    bucket,
  });
  await SearchBucketModel.updateOne(
    { _id: bucket },
    { $push: { searches: { id: saved._id.toString(), userId: ctx.user.id, criteria } } },
    { upsert: true },
  );
  ctx.log.info({ savedSearchId: saved._id.toString(), bucket }, "search saved");
  return toSavedSearch(saved.toObject());
}

export async function listSavedSearches(ctx: AuthedContext): Promise<SavedSearch[]> {
  const docs = await SavedSearchModel.find({ userId: ctx.user.id })
    .sort({ createdAt: -1 })
    .limit(MAX_PER_USER)
    .lean<SavedSearchDoc[]>();
  return docs.map(toSavedSearch);
}

/**
 * Out of its bucket first, then the search: a crash in between leaves a search that no
 * longer matches, which deleting again removes (the matcher also drops entries whose
 * search is gone).
 */
export async function deleteSavedSearch(
  ctx: AuthedContext,
  input: { id: string },
): Promise<{ id: string }> {
  const search = await SavedSearchModel.findById(input.id).lean<SavedSearchDoc>();
  // Someone else's search is as absent as a deleted one.
  if (!search || search.userId !== ctx.user.id) {
    throw new DomainError("NOT_FOUND", "This saved search does not exist.");
  }
  await SearchBucketModel.updateOne(
    { _id: search.bucket },
    { $pull: { searches: { id: input.id } } },
  );
  await SavedSearchModel.deleteOne({ _id: search._id });
  await SearchDigestModel.deleteOne({ _id: input.id });
  ctx.log.info({ savedSearchId: input.id }, "saved search deleted");
  return { id: input.id };
}

/** The email's unsubscribe link, without signing in: the token's signature is the authority. */
export async function unsubscribe(input: UnsubscribeInput, log: Logger): Promise<{ name: string }> {
  const id = verifyUnsubscribeToken(env.SAVED_SEARCH_SECRET, input.token);
  if (!id) throw new DomainError("FORBIDDEN", "This unsubscribe link is not valid.");
  const search = await SavedSearchModel.findOneAndUpdate(
    { _id: id },
    { $set: { mutedAt: new Date() } },
    { returnDocument: "after" },
  ).lean<SavedSearchDoc>();
  if (!search) throw new DomainError("NOT_FOUND", "This saved search was deleted.");
  await SearchDigestModel.deleteOne({ _id: id });
  log.info({ savedSearchId: id }, "saved search unsubscribed");
  return { name: search.name };
}
