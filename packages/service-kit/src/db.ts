import mongoose from "mongoose";

/**
 * Connects this process's mongoose to the service's own database.
 * Short timeouts: a service without its database should fail readiness fast, not hang.
 */
export async function connectDatabase(url: string, dbName: string): Promise<typeof mongoose> {
  mongoose.set("strictQuery", true);
  return mongoose.connect(url, {
    dbName,
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    socketTimeoutMS: 30_000,
    heartbeatFrequencyMS: 5_000,
    // FerretDB and a single-node MongoDB have no retryable writes; a replica set's URL
    // (retryWrites=true) turns them on, and an explicit option here would override it.
    ...(/[?&]retryWrites=/i.test(url) ? {} : { retryWrites: false }),
  });
}

export async function pingDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database is not connected");
  await db.admin().command({ ping: 1 });
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
