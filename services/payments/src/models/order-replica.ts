import type { CancelReason, Currency, OrderStatus } from "@tx/api-contracts";
import mongoose from "mongoose";

/** The payments service's copy of an order: the amount it charges comes from here, never the browser. */
export type OrderReplica = {
  _id: string;
  userId: string;
  ticketId: string;
  title: string;
  amount: number;
  /** Issue 22: the buyer's fee in `amount`; the rest is the seller's price (absent: none). */
  buyerFee?: number;
  currency: Currency;
  status: OrderStatus;
  cancelReason?: CancelReason;
  expiresAt: Date;
  /** When the event takes place (a payout waits for it); absent on replicas made before issue 22. */
  eventDate?: Date;
  version: number;
  /** tickets would not reserve the listing (it changed): never charged, refunded if it was. */
  reservationRejected?: boolean;
};

const schema = new mongoose.Schema<OrderReplica>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    ticketId: { type: String, required: true },
    title: { type: String, required: true },
    amount: { type: Number, required: true },
    buyerFee: Number,
    currency: { type: String, required: true },
    status: { type: String, required: true },
    cancelReason: String,
    expiresAt: { type: Date, required: true },
    eventDate: Date,
    version: { type: Number, required: true },
    reservationRejected: Boolean,
  },
  { versionKey: false },
);

export const OrderReplicaModel = mongoose.model<OrderReplica>("OrderReplica", schema);
