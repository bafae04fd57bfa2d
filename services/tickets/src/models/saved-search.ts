import type { Currency, ListingCriteria } from "@tx/api-contracts";
import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";
import type { Criteria } from "../domain/search-match";

/** A buyer's saved search (issue 23): the landing page's filters, and whether it emails. */
export type SavedSearchDoc = {
  _id: mongoose.Types.ObjectId;
  userId: string;
  name: string;
  criteria: ListingCriteria;
  /** The matching bucket it is filed in (domain/saved-search-buckets.ts). */
  bucket: string;
  /** Unsubscribed by the link in an email: it stays on the page, without emails. */
  mutedAt: Date | null;
  createdAt: Date;
};

const savedSearchSchema = new mongoose.Schema<SavedSearchDoc>(
  {
    userId: { type: String, required: true },
    name: { type: String, required: true },
    criteria: { type: mongoose.Schema.Types.Mixed, required: true },
    bucket: { type: String, required: true },
    mutedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false, minimize: false },
);
// A buyer's saved searches, newest first (the Saved searches page).
savedSearchSchema.index({ userId: 1, createdAt: -1 });

export const SavedSearchModel = mongoose.model<SavedSearchDoc>("SavedSearch", savedSearchSchema);

/** A saved search as the matcher reads it from its bucket: no second lookup to rule it out. */
export type BucketEntry = { id: string; userId: string; criteria: Criteria };

/**
 * The saved searches filed under one key ("city:london", "term:tay", "any"), keyed by _id:
 * a listing reads the few buckets its own keys name (lookups by _id, which FerretDB serves
 * without a scan), never the whole collection.
 */
export type SearchBucketDoc = { _id: string; searches: BucketEntry[] };

const bucketSchema = new mongoose.Schema<SearchBucketDoc>(
  {
    _id: { type: String, required: true },
    searches: { type: mongoose.Schema.Types.Mixed, default: () => [] },
  },
  { versionKey: false },
);

export const SearchBucketModel = mongoose.model<SearchBucketDoc>("SearchBucket", bucketSchema);

/** A listing as a saved search's email names it. */
export type DigestListing = {
  id: string;
  title: string;
  venue: string;
  city: string;
  eventDate: string;
  timeZone: string;
  price: { amount: number; currency: Currency };
  at: Date;
};

/**
 * The matches of one saved search waiting for its email (_id = the search's id). The first
 * match opens the window (`dueAt` = then + the digest period); the flush sends them all in
 * one ticket.search.matched through the outbox and closes it; the next match opens another.
 */
export type SearchDigestDoc = WithOutbox & {
  _id: string;
  userId: string;
  /** Listing id -> what the email says of it (a cheaper update replaces the entry). */
  listings: Record<string, DigestListing>;
  dueAt: Date | null;
  lastSentAt: Date | null;
};

const digestSchema = new mongoose.Schema<SearchDigestDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    listings: { type: mongoose.Schema.Types.Mixed, default: {} },
    dueAt: { type: Date, default: null },
    lastSentAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false },
);
digestSchema.plugin(outboxPlugin);
// The flush's question: which windows have closed.
digestSchema.index({ dueAt: 1 });

export const SearchDigestModel = mongoose.model<SearchDigestDoc>("SearchDigest", digestSchema);
