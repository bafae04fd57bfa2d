import type { OrderStatus } from "@tx/api-contracts";
import mongoose from "mongoose";

/** What the tickets service knows of an order: enough to apply its events in version order. */
export type OrderReplica = {
  _id: string;
  ticketId: string;
  /** The buyer (order.created's userId): who may download the files, to whom a transfer goes. */
  buyerId?: string;
  version: number;
  status: OrderStatus;
  /** When the order's hold ends (absent on replicas written before it was kept). */
  expiresAt?: Date;
};

const schema = new mongoose.Schema<OrderReplica>(
  {
    _id: { type: String, required: true },
    ticketId: { type: String, required: true },
    buyerId: String,
    version: { type: Number, required: true },
    status: { type: String, required: true },
    expiresAt: Date,
  },
  { versionKey: false },
);

export const OrderReplicaModel = mongoose.model<OrderReplica>("OrderReplica", schema);
