import mongoose from "mongoose";
import { Counter } from "prom-client";
import { registry } from "./metrics";

/** Every command this process sends its database (the driver's command monitoring). */
const commandsSent = new Counter({
  name: "mongodb_commands_total",
  help: "Database commands sent, by command and collection",
  labelNames: ["command", "collection"],
  registers: [registry],
});

type CommandStarted = { commandName: string; command: Record<string, unknown> };

function countCommand(event: CommandStarted): void {
  // The collection is the command's own field (find: "orders"), or getMore's `collection`.
  const target = event.command[event.commandName] ?? event.command.collection;
  commandsSent.inc({
    command: event.commandName,
    collection: typeof target === "string" ? target : "",
  });
}

/**
 * Connects this process's mongoose to the service's own database.
 * Short timeouts: a service without its database should fail readiness fast, not hang.
 */
export async function connectDatabase(
  url: string,
  dbName: string,
  opts: { poolSize?: number } = {},
): Promise<typeof mongoose> {
  mongoose.set("strictQuery", true);
  const connected = await mongoose.connect(url, {
    dbName,
    monitorCommands: true,
    // The service's setting (MONGO_POOL_SIZE), unless the URL sets maxPoolSize itself.
    ...(opts.poolSize && !/[?&]maxPoolSize=/i.test(url) ? { maxPoolSize: opts.poolSize } : {}),
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    socketTimeoutMS: 30_000,
    heartbeatFrequencyMS: 5_000,
    // FerretDB and a single-node MongoDB have no retryable writes; a replica set's URL
    // (retryWrites=true) turns them on, and an explicit option here would override it.
    ...(/[?&]retryWrites=/i.test(url) ? {} : { retryWrites: false }),
  });
  const client = connected.connection.getClient();
  if (!client.listeners("commandStarted").includes(countCommand)) {
    client.on("commandStarted", countCommand);
  }
  return connected;
}

export async function pingDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database is not connected");
  await db.admin().command({ ping: 1 });
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
