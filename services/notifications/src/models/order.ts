import type { Currency, OrderStatus } from "@tx/api-contracts";
import mongoose from "mongoose";

/** What an order email needs to say, copied from order.created (written once, never changed). */
export type OrderReplica = {
  _id: string;
  version: number;
  userId: string;
  status: OrderStatus;
  expiresAt: Date;
  ticketId: string;
  title: string;
  eventDate: Date;
  /** The venue's zone (absent on orders replicated before zones: read as UTC). */
  timeZone?: string;
  venue: string;
  city: string;
  quantity: number;
  /** The order's total in minor units. */
  amount: number;
  currency: Currency;
};

const schema = new mongoose.Schema<OrderReplica>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    userId: { type: String, required: true },
    status: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    ticketId: { type: String, required: true },
    title: { type: String, required: true },
    eventDate: { type: Date, required: true },
    timeZone: String,
    venue: { type: String, required: true },
    city: { type: String, required: true },
    quantity: { type: Number, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

export const OrderReplicaModel = mongoose.model<OrderReplica>("Order", schema);
