import type {
  Currency,
  DeliveryConfirmedHow,
  DeliveryMethod,
  DeliveryState,
  TicketFileType,
  TicketStatus,
} from "@tx/api-contracts";
import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

/** An e-ticket file of the listing, stored in GridFS (files/store.ts) under `_id`. */
export type StoredTicketFile = {
  _id: mongoose.Types.ObjectId;
  name: string;
  size: number;
  contentType: TicketFileType;
};

/**
 * How the tickets reach the buyer. Before the sale: the method and, for a download, one
 * file per ticket. From the sale on (order-finished.ts), the buyer and where delivery stands.
 */
export type TicketDelivery = {
  method: DeliveryMethod;
  files: StoredTicketFile[];
  buyerId?: string;
  state?: DeliveryState;
  /** A transfer's deadline (domain/delivery.ts: always before the event). */
  deadline?: Date;
  reference?: string;
  /** Ids of the files the buyer has downloaded in full. */
  downloaded?: string[];
  transferredAt?: Date;
  confirmedAt?: Date;
  confirmedHow?: DeliveryConfirmedHow;
  failedAt?: Date;
  disputedAt?: Date;
  problem?: string;
};

export type Ticket = WithOutbox & {
  _id: mongoose.Types.ObjectId;
  eventName: string;
  venue: string;
  city: string;
  /** Lower-cased city, for the exact-match filter. */
  cityKey: string;
  eventDate: Date;
  /** The venue's IANA zone. */
  timeZone: string;
  /** The event's calendar day at the venue ("2026-12-08"): what the date filters match. */
  localDate: string;
  section?: string;
  row?: string;
  seats?: string;
  quantity: number;
  currency: Currency;
  pricePerTicket: number;
  faceValuePerTicket: number;
  note?: string;
  sellerId: string;
  sellerName: string;
  status: TicketStatus;
  /** The order that holds a reserved or sold ticket. */
  orderId?: string;
  /** Absent on listings made before delivery existed: those are transfers (domain/delivery.ts). */
  delivery?: TicketDelivery;
  /** Word prefixes of event, venue and city: an indexed, case-insensitive search without $text. */
  searchTerms: string[];
  /** Deleted listings stay, hidden, so the event that announces it is never lost. */
  deletedAt: Date | null;
  version: number;
  /**
   * The version at which the seller last changed what a buyer gets (price, date, seats...).
   * An order made from an older version saw other terms: tickets will not reserve it.
   */
  termsVersion: number;
  createdAt: Date;
  updatedAt: Date;
};

const fileSchema = new mongoose.Schema<StoredTicketFile>(
  {
    _id: { type: mongoose.Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
  },
  { versionKey: false },
);

const schema = new mongoose.Schema<Ticket>(
  {
    eventName: { type: String, required: true },
    venue: { type: String, required: true },
    city: { type: String, required: true },
    cityKey: { type: String, required: true },
    eventDate: { type: Date, required: true },
    timeZone: { type: String, required: true },
    localDate: { type: String, required: true },
    section: String,
    row: String,
    seats: String,
    quantity: { type: Number, required: true },
    currency: { type: String, required: true },
    pricePerTicket: { type: Number, required: true },
    faceValuePerTicket: { type: Number, required: true },
    note: String,
    sellerId: { type: String, required: true },
    sellerName: { type: String, required: true },
    status: { type: String, required: true, default: "available" },
    orderId: String,
    delivery: {
      method: { type: String, default: "transfer" },
      files: { type: [fileSchema], default: [] },
      buyerId: String,
      state: String,
      deadline: Date,
      reference: String,
      downloaded: { type: [String], default: undefined },
      transferredAt: Date,
      confirmedAt: Date,
      confirmedHow: String,
      failedAt: Date,
      disputedAt: Date,
      problem: String,
    },
    searchTerms: { type: [String], default: [] },
    deletedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
    termsVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, versionKey: false },
);
schema.plugin(outboxPlugin);

// Which index serves which query (on MongoDB; FerretDB 1.x scans, with the same answers).
// procedures/list.test.ts checks that every query shape of list() has one.
// The landing page, by date / price / newest, _id breaking ties for the cursor:
schema.index({ status: 1, deletedAt: 1, eventDate: 1, _id: 1 });
schema.index({ status: 1, deletedAt: 1, pricePerTicket: 1, _id: 1 });
schema.index({ status: 1, deletedAt: 1, createdAt: -1, _id: -1 });
// the city filter (a city's listings are few enough to sort after the lookup);
schema.index({ status: 1, deletedAt: 1, cityKey: 1, eventDate: 1, _id: 1 });
// search: one multikey lookup on the first typed word;
schema.index({ searchTerms: 1, status: 1, deletedAt: 1, eventDate: 1 });
// a seller's listings: all of them newest first (mine), the available ones by date.
schema.index({ sellerId: 1, deletedAt: 1, createdAt: -1, _id: -1 });
schema.index({ sellerId: 1, status: 1, deletedAt: 1, eventDate: 1, _id: 1 });
// The delivery sweep (delivery/sweep.ts): transfers past their deadline, deliveries to confirm.
schema.index({ "delivery.state": 1, "delivery.deadline": 1 });
schema.index({ "delivery.state": 1, eventDate: 1 });

export const TicketModel = mongoose.model<Ticket>("Ticket", schema);
