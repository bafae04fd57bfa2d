import type { EventData } from "@tx/api-contracts";
import { type Logger, outbox, pendingEvent } from "@tx/service-kit";
import { unsubscribeToken } from "../domain/unsubscribe-token";
import { env } from "../env";
import { SavedSearchModel, type SearchDigestDoc, SearchDigestModel } from "../models/saved-search";

/** The most listings one email names (it says how many matched in all). */
const MAX_LISTED = 50;

/**
 * Sends the waiting email of every saved search whose window has closed: one
 * ticket.search.matched per search through the outbox, in the same conditional write that
 * closes the window (on `dueAt` as read), so with several replicas flushing only one sends.
 */
export async function flushDueDigests(log: Logger, now = new Date()): Promise<number> {
  const due = await SearchDigestModel.find({ dueAt: { $ne: null, $lte: now } })
    .limit(200)
    .lean<SearchDigestDoc[]>();
  let sent = 0;
  for (const digest of due) if (await flushDigest(digest, now, log)) sent += 1;
  return sent;
}

async function flushDigest(digest: SearchDigestDoc, now: Date, log: Logger): Promise<boolean> {
  const search = await SavedSearchModel.findById(digest._id).lean();
  const ids = Object.keys(digest.listings ?? {});
  if (!search || search.mutedAt || ids.length === 0) {
    await SearchDigestModel.deleteOne({ _id: digest._id, dueAt: digest.dueAt });
    return false;
  }
  const listings = Object.values(digest.listings)
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .slice(0, MAX_LISTED)
    .map(({ at: _at, ...listing }) => listing);
  const data: EventData<"ticket.search.matched"> = {
    searchId: digest._id,
    userId: digest.userId,
    searchName: search.name,
    listings,
    matched: ids.length,
    unsubscribe: unsubscribeToken(env.SAVED_SEARCH_SECRET, digest._id),
  };
  // Only the listings read leave: one filed meanwhile stays for the next window.
  const unset = Object.fromEntries(ids.map((id) => [`listings.${id}`, ""]));
  const closed = await outbox.update(
    SearchDigestModel,
    { _id: digest._id, dueAt: digest.dueAt },
    { $set: { dueAt: null, lastSentAt: now }, $unset: unset },
    [pendingEvent("ticket.search.matched", data)],
  );
  if (!closed) return false;
  if (Object.keys(closed.listings ?? {}).length > 0) {
    await SearchDigestModel.updateOne(
      { _id: digest._id, dueAt: null },
      { $set: { dueAt: new Date(now.getTime() + env.SAVED_SEARCH_DIGEST_SECONDS * 1_000) } },
    );
  }
  log.info({ savedSearchId: digest._id, listings: ids.length }, "saved search email sent");
  return true;
}

/** Flushes on a timer, a few times per digest period (at most every 30 s). */
export function startDigestFlush(log: Logger): () => Promise<void> {
  const everyMs = Math.max(250, Math.min(30_000, (env.SAVED_SEARCH_DIGEST_SECONDS * 1_000) / 4));
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => flushDueDigests(log))
      .catch((err: unknown) => log.warn({ err }, "saved search flush failed; retried next tick"));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
