import type { Currency, TicketStatus } from "@tx/api-contracts";
import mongoose from "mongoose";

/** The orders service's copy of a listing, fed only by ticket.* events, in version order. */
export type TicketReplica = {
  _id: string;
  version: number;
  title: string;
  currency: Currency;
  /** Per ticket and for the lot, all-in (as buyers pay). */
  price: number;
  quantity: number;
  total: number;
  /** Issue 22: the buyer's fee in `price`, per ticket (0 on replicas from before it). */
  buyerFee?: number;
  eventDate: Date;
  /** The venue's zone; absent on a replica made from an event before zones (read as UTC). */
  timeZone?: string;
  venue: string;
  city: string;
  sellerId: string;
  status: TicketStatus;
  deleted: boolean;
};

const schema = new mongoose.Schema<TicketReplica>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    title: { type: String, required: true },
    currency: { type: String, required: true },
    price: { type: Number, required: true },
    quantity: { type: Number, required: true },
    total: { type: Number, required: true },
    buyerFee: Number,
    eventDate: { type: Date, required: true },
    timeZone: String,
    venue: { type: String, required: true },
    city: { type: String, required: true },
    sellerId: { type: String, required: true },
    status: { type: String, required: true },
    deleted: { type: Boolean, default: false },
  },
  { versionKey: false },
);

export const TicketReplicaModel = mongoose.model<TicketReplica>("TicketReplica", schema);
