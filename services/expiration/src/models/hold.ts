import mongoose from "mongoose";

/**
 * A live hold as this service learned it from order.created: the record of what must
 * expire, kept beside Redis so that a job Redis lost can be scheduled again. Removed when
 * the order ends (completed or cancelled).
 */
export type Hold = { _id: string; expiresAt: Date; createdAt: Date };

const schema = new mongoose.Schema<Hold>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const HoldModel = mongoose.model<Hold>("Hold", schema);
