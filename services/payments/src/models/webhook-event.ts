import mongoose from "mongoose";

/** Each provider event id is recorded once (a unique _id): a repeat is acknowledged and ignored. */
export type WebhookEvent = { _id: string; type: string; receivedAt: Date };

const schema = new mongoose.Schema<WebhookEvent>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const WebhookEventModel = mongoose.model<WebhookEvent>("WebhookEvent", schema);
