import mongoose from "mongoose";

/**
 * One of a buyer's numbered hold slots, taken by an order awaiting payment. `_id` is
 * `<userId>:<k>`: taking a slot is an insert that either succeeds or collides, the one
 * atomic step MongoDB and FerretDB both give (domain/fair-holds.ts).
 */
export type HoldSlot = { _id: string; orderId: string; takenAt: Date };

const schema = new mongoose.Schema<HoldSlot>(
  {
    _id: { type: String, required: true },
    orderId: { type: String, required: true },
    takenAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const HoldSlotModel = mongoose.model<HoldSlot>("HoldSlot", schema);
