import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

export type EmailedTokenPurpose = "confirm" | "reset";

/**
 * A link we emailed: confirm a registration, or reset a password. Keyed by the link's
 * random id (the token in the link is that id and its HMAC, see service-kit email-links),
 * so a lookup is by _id. Using it deletes it: of two simultaneous uses exactly one deletes
 * the document, on MongoDB and FerretDB alike. The email event rides in the document's
 * outbox, written by the same insert.
 */
export type EmailedToken = WithOutbox & {
  _id: string;
  purpose: EmailedTokenPurpose;
  email: string;
  name: string;
  /** reset: whose password. */
  userId?: mongoose.Types.ObjectId;
  /** confirm: the password chosen when registering (argon2id), set on the new account. */
  passwordHash?: string;
  expiresAt: Date;
  createdAt: Date;
};

const schema = new mongoose.Schema<EmailedToken>(
  {
    _id: { type: String, required: true },
    purpose: { type: String, required: true, enum: ["confirm", "reset"] },
    email: { type: String, required: true },
    name: { type: String, required: true },
    userId: { type: mongoose.Schema.Types.ObjectId },
    passwordHash: String,
    expiresAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
schema.plugin(outboxPlugin);

export const EmailedTokenModel = mongoose.model<EmailedToken>("EmailedToken", schema);
