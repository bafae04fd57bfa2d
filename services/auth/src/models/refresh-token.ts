import mongoose from "mongoose";

/** Refresh tokens are opaque; only their SHA-256 is stored. One family per sign-in. */
export type RefreshTokenRecord = {
  _id: mongoose.Types.ObjectId;
  tokenHash: string;
  familyId: string;
  userId: mongoose.Types.ObjectId;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

const schema = new mongoose.Schema<RefreshTokenRecord>(
  {
    tokenHash: { type: String, required: true, unique: true },
    familyId: { type: String, required: true, index: true },
    userId: { type: mongoose.Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export const RefreshTokenModel = mongoose.model<RefreshTokenRecord>("RefreshToken", schema);
