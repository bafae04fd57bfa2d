import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

export type User = WithOutbox & {
  _id: mongoose.Types.ObjectId;
  email: string;
  name: string;
  passwordHash: string;
  /** When the password was last reset or changed (never, for an account's first). */
  passwordChangedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new mongoose.Schema<User>(
  {
    // Stored normalised (trimmed, lower-cased) by the input schema; unique by index.
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    passwordChangedAt: Date,
  },
  { timestamps: true },
);
schema.plugin(outboxPlugin);

export const UserModel = mongoose.model<User>("User", schema);
