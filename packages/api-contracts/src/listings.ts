import { z } from "zod";
import { Currency, IsoDateTime, Money, ObjectIdString } from "./common";
import { Delivery, ListingDeliveryInput, ListingDeliverySummary, TicketFile } from "./delivery";
import { TicketStatus } from "./events";
import { LocalDate, TimeZone } from "./time-zones";

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}.`).max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Prices are whole cents, at least one dollar, at most $100,000 a ticket. */
export const Cents = z
  .number({ error: "Enter an amount." })
  .int("Use whole cents.")
  .min(100, "The least is 1.00.")
  .max(10_000_000, "The most is 100,000.00.");

export const FutureDateTime = IsoDateTime.refine((v) => new Date(v).getTime() > Date.now(), {
  message: "The event must be in the future.",
});

/** What a seller fills in. One schema for the form and the tickets service. */
export const ListingFields = z.object({
  eventName: text("event name", 120),
  venue: text("venue", 120),
  city: text("city", 80),
  eventDate: FutureDateTime,
  /** The venue's IANA zone: every page and email shows the event's time by its clocks. */
  timeZone: TimeZone,
  section: optionalText(40),
  row: optionalText(20),
  seats: optionalText(60),
  quantity: z
    .number({ error: "Enter how many tickets." })
    .int("Use a whole number.")
    .min(1, "At least 1 ticket.")
    .max(10, "At most 10 tickets in one listing."),
  currency: Currency,
  pricePerTicket: Cents,
  faceValuePerTicket: Cents,
  note: optionalText(1000),
  /** Without it, a transfer after the sale (what a listing meant before files existed). */
  delivery: ListingDeliveryInput.default({ method: "transfer" }),
});
export type ListingFields = z.infer<typeof ListingFields>;

/** What a caller sends (blank optional text allowed); the service receives ListingFields. */
export const CreateListingInput = ListingFields;
export type CreateListingInput = z.input<typeof CreateListingInput>;

export const UpdateListingInput = z.object({ id: ObjectIdString, changes: ListingFields });
export type UpdateListingInput = z.input<typeof UpdateListingInput>;

export const ListingIdInput = z.object({ id: ObjectIdString });
export type ListingIdInput = z.infer<typeof ListingIdInput>;

export const Listing = z.object({
  id: ObjectIdString,
  eventName: z.string(),
  venue: z.string(),
  city: z.string(),
  eventDate: IsoDateTime,
  timeZone: z.string(),
  /** The event's calendar day at the venue: what the date filters match. */
  localDate: z.string(),
  section: z.string().optional(),
  row: z.string().optional(),
  seats: z.string().optional(),
  quantity: z.number().int(),
  /** The seller's price per ticket. */
  price: Money,
  faceValue: Money,
  /** price × quantity: the seller's price for the lot. */
  total: Money,
  /**
   * Issue 22, all-in prices: what a buyer pays per ticket (`price` + `buyerFee`, the buyer's
   * fee of BUYER_FEE_BPS) and for the lot (`buyerPrice` × quantity). Every price a buyer sees
   * is these; the checkout breaks the total down.
   */
  buyerPrice: Money,
  buyerFee: Money,
  buyerTotal: Money,
  note: z.string().optional(),
  sellerId: ObjectIdString,
  sellerName: z.string(),
  status: TicketStatus,
  delivery: ListingDeliverySummary,
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Listing = z.infer<typeof Listing>;

/** A listing as its seller sees it: with its files, and once sold, its delivery. */
export const MyListing = Listing.extend({
  files: z.array(TicketFile),
  sale: Delivery.nullable(),
});
export type MyListing = z.infer<typeof MyListing>;

export const ListingSort = z.enum(["date", "price", "newest"]);
export type ListingSort = z.infer<typeof ListingSort>;

export const ListListingsInput = z.object({
  q: z.string().trim().max(100).optional(),
  /** Another listing page of one seller ("more from this seller"). */
  sellerId: ObjectIdString.optional(),
  city: z.string().trim().max(80).optional(),
  /** Venue-local days, inclusive: "from Dec 8" includes 23:30 in New York on Dec 8. */
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  minPrice: z.number().int().nonnegative().optional(),
  maxPrice: z.number().int().nonnegative().optional(),
  sort: ListingSort.default("date"),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(50).default(24),
});
export type ListListingsInput = z.input<typeof ListListingsInput>;

export const ListingPage = z.object({
  items: z.array(Listing),
  nextCursor: z.string().nullable(),
});
export type ListingPage = z.infer<typeof ListingPage>;

export const MyListingsInput = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

// --- Issue 23: live availability and saved searches -----------------------------------------

/** What a search asks of a listing: the landing page's filters, as a saved search keeps them. */
export const ListingCriteria = z.object({
  q: z.string().trim().max(100).optional(),
  city: z.string().trim().max(80).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  minPrice: z.number().int().nonnegative().max(100_000_000).optional(),
  maxPrice: z.number().int().nonnegative().max(100_000_000).optional(),
});
export type ListingCriteria = z.infer<typeof ListingCriteria>;

/**
 * The listings an open page shows (their ids, at most a page and a half) and, on the landing
 * page, its search: new listings that match it are announced. `lastEventId` is what the
 * client's link adds when it reconnects: the stream resumes after it.
 */
export const LiveListingsInput = z.object({
  ids: z.array(ObjectIdString).max(60),
  search: ListingCriteria.optional(),
  lastEventId: z
    .string()
    .regex(/^\d{1,16}$/)
    .nullish(),
});
export type LiveListingsInput = z.infer<typeof LiveListingsInput>;

/** One listing's state as it changed: Purchase follows `status`; a deleted listing says so. */
export const LiveListingState = z.object({
  kind: z.literal("listing"),
  id: ObjectIdString,
  version: z.number().int().nonnegative(),
  status: z.enum([...TicketStatus.options, "deleted"]),
  price: Money.optional(),
  total: Money.optional(),
});
export type LiveListingState = z.infer<typeof LiveListingState>;

/** A listing created since the page opened that matches its search. */
export const LiveNewListing = z.object({
  kind: z.literal("new"),
  id: ObjectIdString,
  eventName: z.string(),
});
export type LiveNewListing = z.infer<typeof LiveNewListing>;

export const LiveUpdate = z.discriminatedUnion("kind", [LiveListingState, LiveNewListing]);
export type LiveUpdate = z.infer<typeof LiveUpdate>;

/** A saved search as its owner sees it. */
export const SavedSearch = z.object({
  id: ObjectIdString,
  name: z.string(),
  criteria: ListingCriteria,
  createdAt: IsoDateTime,
  /** Unsubscribed from its emails (by the link in one). */
  muted: z.boolean(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

/** Saving the landing page's search: at least one filter, or it would match everything. */
export const SaveSearchInput = z.object({
  criteria: ListingCriteria.refine(
    (c) => Object.values(c).some((v) => v !== undefined && v !== ""),
    "Choose at least one filter to save.",
  ),
});
export type SaveSearchInput = z.infer<typeof SaveSearchInput>;

export const SavedSearchIdInput = z.object({ id: ObjectIdString });

/** The unsubscribe link's query: the search and its signature. */
export const UnsubscribeInput = z.object({
  token: z.string().min(1).max(200),
});
export type UnsubscribeInput = z.infer<typeof UnsubscribeInput>;
