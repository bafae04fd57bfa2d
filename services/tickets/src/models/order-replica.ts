import type { OrderStatus } from "@tx/api-contracts";
import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

/** What the tickets service knows of an order: enough to apply its events in version order. */
export type OrderReplica = WithOutbox & {
  _id: string;
  ticketId: string;
  /** The buyer (order.created's userId): who may download the files, to whom a transfer goes. */
  buyerId?: string;
  version: number;
  status: OrderStatus;
  /** tickets refused to reserve for this order; the rejection event rides in the outbox. */
  rejected?: boolean;
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
    rejected: Boolean,
    expiresAt: Date,
  },
  { versionKey: false },
);
schema.plugin(outboxPlugin);

export const OrderReplicaModel = mongoose.model<OrderReplica>("OrderReplica", schema);
