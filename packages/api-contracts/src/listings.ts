import { z } from "zod";
import { Currency, IsoDateTime, Money, ObjectIdString } from "./common";
import { Delivery, ListingDeliveryInput, ListingDeliverySummary, TicketFile } from "./delivery";
import { TicketStatus } from "./events";

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
  section: z.string().optional(),
  row: z.string().optional(),
  seats: z.string().optional(),
  quantity: z.number().int(),
  price: Money,
  faceValue: Money,
  /** price × quantity: what a buyer pays for the lot. */
  total: Money,
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
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
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
