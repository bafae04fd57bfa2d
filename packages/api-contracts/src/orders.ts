import { z } from "zod";
import { IsoDateTime, Money, ObjectIdString } from "./common";
import { CancelReason, OrderStatus } from "./events";

export const CreateOrderInput = z.object({ ticketId: ObjectIdString });
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const OrderIdInput = z.object({ orderId: ObjectIdString });
export type OrderIdInput = z.infer<typeof OrderIdInput>;

export const OrderHistoryInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
  /** Only the buyer's orders for this listing (the listing page asks for the viewer's hold). */
  ticketId: ObjectIdString.optional(),
});
export type OrderHistoryInput = z.input<typeof OrderHistoryInput>;

export const TimelineEntry = z.object({
  at: IsoDateTime,
  status: OrderStatus,
  note: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/**
 * Why a listing-changed cancellation happened, for the buyer's page: the seller deleted the
 * listing, or changed it (its price and total now) just as the buyer pressed Purchase.
 */
export const ListingChange = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("deleted") }),
  z.object({ kind: z.literal("changed"), price: Money, total: Money }),
]);
export type ListingChange = z.infer<typeof ListingChange>;

/** An order as its buyer sees it, with the listing as it was when the hold began. */
export const Order = z.object({
  id: ObjectIdString,
  status: OrderStatus,
  ticketId: ObjectIdString,
  eventName: z.string(),
  eventDate: IsoDateTime,
  /** The venue's zone, which the event's time is shown in. */
  timeZone: z.string(),
  venue: z.string(),
  city: z.string(),
  quantity: z.number().int(),
  /** Per ticket, all-in (the seller's price and the buyer's fee). */
  price: Money,
  /** quantity × price: what the buyer pays. */
  total: Money,
  /** Issue 22: the part of `total` that is the buyer's fee (zero with BUYER_FEE_BPS 0). */
  buyerFee: Money,
  expiresAt: IsoDateTime,
  cancelReason: CancelReason.optional(),
  listingChange: ListingChange.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
  timeline: z.array(TimelineEntry),
});
export type Order = z.infer<typeof Order>;

export const OrderPage = z.object({ items: z.array(Order), nextCursor: z.string().nullable() });
export type OrderPage = z.infer<typeof OrderPage>;
