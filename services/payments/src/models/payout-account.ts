import mongoose from "mongoose";

/**
 * A seller's Stripe Connect Express account (Stripe mode only): `_id` is the seller's id,
 * so a seller has one whatever how often onboarding is started. `payoutsEnabled` is Stripe's
 * answer when last asked (on the Earnings page and before a transfer).
 */
export type PayoutAccount = {
  _id: string;
  stripeAccountId: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new mongoose.Schema<PayoutAccount>(
  {
    _id: { type: String, required: true },
    stripeAccountId: { type: String, required: true },
    payoutsEnabled: { type: Boolean, required: true, default: false },
    detailsSubmitted: { type: Boolean, required: true, default: false },
  },
  { timestamps: true, versionKey: false, collection: "payout_accounts" },
);

export const PayoutAccountModel = mongoose.model<PayoutAccount>("PayoutAccount", schema);
