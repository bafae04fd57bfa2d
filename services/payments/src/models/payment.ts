import type { BillingAddress, Currency, PaymentMode, PaymentStatus } from "@tx/api-contracts";
import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

export type Payment = WithOutbox & {
  /**
   * The order's id: one payment per order, so an order can never be charged twice, and every
   * lookup (by order, or by an intent, which names its order) is by _id.
   */
  _id: string;
  /** The same as _id, named for readers. */
  orderId: string;
  userId: string;
  intentId: string;
  mode: PaymentMode;
  amount: number;
  currency: Currency;
  status: PaymentStatus;
  lastError: string | null;
  billing: BillingAddress | null;
  refundId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new mongoose.Schema<Payment>(
  {
    _id: { type: String, required: true },
    orderId: { type: String, required: true },
    userId: { type: String, required: true },
    intentId: { type: String, required: true, unique: true },
    mode: { type: String, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
    status: { type: String, required: true },
    lastError: { type: String, default: null },
    billing: {
      type: new mongoose.Schema(
        {
          name: String,
          line1: String,
          line2: String,
          city: String,
          state: String,
          postalCode: String,
          country: String,
        },
        { _id: false },
      ),
      default: null,
    },
    refundId: { type: String, default: null },
  },
  { timestamps: true, versionKey: false },
);
schema.plugin(outboxPlugin);
// The start-up check for late payments a crash left unrefunded (domain/refunds.ts).
schema.index({ status: 1, updatedAt: 1 });

export const PaymentModel = mongoose.model<Payment>("Payment", schema);
