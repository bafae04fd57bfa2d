import mongoose from "mongoose";

/** A buyer's account as tickets needs it: the address a seller transfers the tickets to. */
export type UserReplica = { _id: string; email: string; name: string };

const schema = new mongoose.Schema<UserReplica>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
  },
  { versionKey: false },
);

export const UserReplicaModel = mongoose.model<UserReplica>("User", schema);
