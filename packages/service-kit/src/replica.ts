import type mongoose from "mongoose";
import { RetryLater } from "./bus";

type Versioned = { _id: string; version: number };

/**
 * Applies version n of a replicated document only on top of n-1 (`$set`, with the version).
 * A repeat (version n or later already there) changes nothing and returns false; a gap
 * (n-1 not there yet) is retried later, never dropped.
 */
export async function applyInOrder<T extends Versioned>(
  model: mongoose.Model<T>,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const applied = await model.updateOne(
    { _id: id, version: version - 1 } as mongoose.QueryFilter<T>,
    { $set: { ...set, version } },
  );
  if (applied.matchedCount === 1) return true;
  const current = await model.findById(id, { version: 1 }).lean<Versioned>();
  if (current && current.version >= version) return false;
  throw new RetryLater(
    `${model.modelName} ${id} is at ${current?.version ?? "none"}, event is ${version}`,
  );
}
