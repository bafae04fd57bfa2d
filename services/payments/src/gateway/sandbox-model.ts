import type { BillingAddress, Currency } from "@tx/api-contracts";
import mongoose from "mongoose";
import type { Intent } from "./gateway";

/** The sandbox's own ledger: what Stripe would hold on its side. */
export type SandboxIntent = {
  _id: string;
  idempotencyKey: string;
  clientSecret: string;
  status: Intent["status"];
  amount: number;
  currency: Currency;
  orderId: string;
  lastError: string | null;
  billing: BillingAddress | null;
  refundId: string | null;
  createdAt: Date;
};

const schema = new mongoose.Schema<SandboxIntent>(
  {
    _id: { type: String, required: true },
    // The _id is derived from it (one intent per key), so it needs no index of its own.
    idempotencyKey: { type: String, required: true },
    clientSecret: { type: String, required: true },
    status: { type: String, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
    orderId: { type: String, required: true },
    lastError: { type: String, default: null },
    billing: { type: mongoose.Schema.Types.Mixed, default: null },
    refundId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "sandbox_intents" },
);

export const SandboxIntentModel = mongoose.model<SandboxIntent>("SandboxIntent", schema);
