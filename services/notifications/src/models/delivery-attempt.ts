import mongoose from "mongoose";

/**
 * One try at sending a delivery. Its _id `<deliveryId>#<n>` is the lock: of two handlers
 * racing for try n, only one inserts it (a unique key is atomic on MongoDB and FerretDB
 * alike, where a conditional update across connections is not).
 */
export type DeliveryAttempt = {
  _id: string;
  deliveryId: string;
  n: number;
  startedAt: Date;
  /** Absent while sending, or for ever if the process died mid-send. */
  outcome?: "sent" | "failed";
  error?: string;
};

const schema = new mongoose.Schema<DeliveryAttempt>(
  {
    _id: { type: String, required: true },
    deliveryId: { type: String, required: true },
    n: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    outcome: { type: String, enum: ["sent", "failed"] },
    error: String,
  },
  { versionKey: false },
);
// The latest try of a delivery.
schema.index({ deliveryId: 1, n: -1 });

export const DeliveryAttemptModel = mongoose.model<DeliveryAttempt>("DeliveryAttempt", schema);

export const attemptId = (deliveryId: string, n: number) => `${deliveryId}#${n}`;
