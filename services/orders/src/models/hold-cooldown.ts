import mongoose from "mongoose";

/**
 * A buyer's hold on a listing ended (it lapsed, or they let it go): for a short while
 * they may not hold that listing again, so a script cannot keep one listing to itself by
 * letting holds end and taking them again. Keyed `<userId>:<ticketId>`: one _id lookup.
 */
export type HoldCooldown = { _id: string; endedAt: Date };

const schema = new mongoose.Schema<HoldCooldown>(
  { _id: { type: String, required: true }, endedAt: { type: Date, required: true } },
  { versionKey: false },
);

export const HoldCooldownModel = mongoose.model<HoldCooldown>("HoldCooldown", schema);

export const cooldownKey = (userId: string, ticketId: string) => `${userId}:${ticketId}`;
