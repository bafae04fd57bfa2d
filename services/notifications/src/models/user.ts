import mongoose from "mongoose";

/** Who to write to: the notifications service's copy of an account, fed by user.registered. */
export type UserReplica = {
  _id: string;
  email: string;
  name: string;
};

const schema = new mongoose.Schema<UserReplica>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

export const UserReplicaModel = mongoose.model<UserReplica>("User", schema);
