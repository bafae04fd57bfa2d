import mongoose from "mongoose";

/**
 * A webhook the sandbox owes the payments route, kept until the route accepts it: the
 * sandbox's copy of what Stripe keeps on its side. Written when the intent changes, sent
 * by the deliverer with backoff for up to three days, across restarts.
 */
export type SandboxWebhook = {
  _id: string;
  type: string;
  intentId: string;
  /** The event as signed and sent. */
  payload: string;
  attempts: number;
  nextAttemptAt: Date;
  giveUpAt: Date;
  lastError: string | null;
  createdAt: Date;
};

const schema = new mongoose.Schema<SandboxWebhook>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    intentId: { type: String, required: true },
    payload: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    giveUpAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "sandbox_webhooks" },
);
// The deliverer's question: which are due now.
schema.index({ nextAttemptAt: 1 });

export const SandboxWebhookModel = mongoose.model<SandboxWebhook>("SandboxWebhook", schema);
