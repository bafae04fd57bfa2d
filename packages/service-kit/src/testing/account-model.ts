import mongoose from "mongoose";
import { outboxPlugin, type WithOutbox } from "../outbox";

/** A small document with an outbox, used by the outbox tests and their crash child. */
export type Account = WithOutbox & { _id: string; email: string; name: string };

const schema = new mongoose.Schema<Account>({ _id: String, email: String, name: String });
schema.plugin(outboxPlugin);

export const AccountModel = mongoose.model<Account>("Account", schema);
