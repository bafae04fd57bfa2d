import mongoose from "mongoose";

/**
 * The access-token signing key pair, as JWKs. Kept in the auth service's own database so
 * that every replica signs with the same key and a restart keeps tokens valid.
 */
export type SigningKeyRecord = {
  _id: string;
  kid: string;
  privateJwk: string;
  publicJwk: string;
  createdAt: Date;
};

const schema = new mongoose.Schema<SigningKeyRecord>({
  _id: { type: String, required: true },
  kid: { type: String, required: true },
  privateJwk: { type: String, required: true },
  publicJwk: { type: String, required: true },
  createdAt: { type: Date, required: true },
});

export const SigningKeyModel = mongoose.model<SigningKeyRecord>("SigningKey", schema);
