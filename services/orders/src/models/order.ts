import type { CancelReason, Currency, ListingChange, OrderStatus } from "@tx/api-contracts";
import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

export type OrderDoc = WithOutbox & {
  _id: mongoose.Types.ObjectId;
  userId: string;
  ticketId: string;
  /**
   * The ticket id while the order is live (awaiting payment or complete), absent otherwise.
   * Its unique index is what lets exactly one of many simultaneous buyers hold a listing:
   * an insert either takes the key or fails, on MongoDB and on FerretDB alike.
   */
  liveTicketId?: string;
  /** The buyer's hold slot this order took (`<userId>:<k>`, domain/fair-holds.ts). */
  holdSlot?: string;
  /** The listing version the order was made from (orders made before issue 18 have none). */
  listingVersion?: number;
  /** When tickets confirmed it reserved the listing for this order; only then can it complete. */
  reservedAt?: Date;
  status: OrderStatus;
  cancelReason?: CancelReason;
  /** With cancelReason listing_changed: what changed, for the buyer's page. */
  listingChange?: ListingChange;
  expiresAt: Date;
  eventName: string;
  eventDate: Date;
  /** The venue's zone, which the event's time is shown in. */
  timeZone: string;
  venue: string;
  city: string;
  quantity: number;
  currency: Currency;
  /** Per ticket and for the lot, all-in. */
  price: number;
  total: number;
  /** Issue 22: the buyer's fee in `total` (absent on orders from before it: none). */
  buyerFee?: number;
  version: number;
  timeline: { at: Date; status: OrderStatus; note: string }[];
  createdAt: Date;
  updatedAt: Date;
};

const schema = new mongoose.Schema<OrderDoc>(
  {
    userId: { type: String, required: true },
    ticketId: { type: String, required: true },
    liveTicketId: { type: String },
    holdSlot: { type: String },
    listingVersion: Number,
    reservedAt: Date,
    status: { type: String, required: true },
    cancelReason: String,
    listingChange: {
      _id: false,
      kind: String,
      price: { _id: false, amount: Number, currency: String },
      total: { _id: false, amount: Number, currency: String },
    },
    expiresAt: { type: Date, required: true },
    eventName: { type: String, required: true },
    eventDate: { type: Date, required: true },
    timeZone: { type: String, required: true },
    venue: { type: String, required: true },
    city: { type: String, required: true },
    quantity: { type: Number, required: true },
    currency: { type: String, required: true },
    price: { type: Number, required: true },
    total: { type: Number, required: true },
    buyerFee: Number,
    version: { type: Number, required: true, default: 0 },
    timeline: [{ _id: false, at: Date, status: String, note: String }],
  },
  { timestamps: true, versionKey: false },
);
schema.plugin(outboxPlugin);
schema.index({ liveTicketId: 1 }, { unique: true, sparse: true });
// The overdue-holds reconciler: live holds by when they end.
schema.index({ status: 1, expiresAt: 1 });
// A buyer's history, newest first.
schema.index({ userId: 1, createdAt: -1, _id: -1 });

export const OrderModel = mongoose.model<OrderDoc>("Order", schema);
