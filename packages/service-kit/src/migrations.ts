import type { ServiceName } from "@tx/api-contracts";
import mongoose from "mongoose";
import { EventBus } from "./bus";
import { connectDatabase, disconnectDatabase } from "./db";
import { parseEnv, serviceEnvShape } from "./env";
import { createLogger, type Logger } from "./logger";
import { type AnyOutboxModel, outbox } from "./outbox";
import { insertOnce } from "./unique";

/**
 * A one-off change to a service's existing data. `run` must be idempotent (it selects only
 * what is still to change), so a run cut short is simply run again; it returns how many
 * documents it changed.
 */
export type Migration = {
  id: string;
  run: (log: Logger) => Promise<number>;
};

/** A migration that has finished: its marker in the service's `migrations` collection. */
type MigrationMarker = { _id: string; doneAt: Date; changed: number };

// Reused if this module is evaluated again (a test runner resetting modules keeps mongoose).
const MigrationMarkerModel =
  (mongoose.models.Migration as mongoose.Model<MigrationMarker> | undefined) ??
  mongoose.model<MigrationMarker>(
    "Migration",
    new mongoose.Schema<MigrationMarker>(
      {
        _id: { type: String, required: true },
        doneAt: { type: Date, required: true },
        changed: { type: Number, required: true },
      },
      { versionKey: false },
    ),
  );

export type MigrationOutcome = { id: string; changed: number | "already done" };

/**
 * Runs the migrations the service's database has no marker for, in order; each leaves its
 * marker `{ _id: <id>, doneAt, changed }` in `migrations` when it has finished, so a later
 * start skips it with one lookup by _id.
 */
export async function runPendingMigrations(
  migrations: readonly Migration[],
  log: Logger,
): Promise<MigrationOutcome[]> {
  const outcomes: MigrationOutcome[] = [];
  for (const migration of migrations) {
    if (await MigrationMarkerModel.exists({ _id: migration.id })) {
      outcomes.push({ id: migration.id, changed: "already done" });
      continue;
    }
    const changed = await migration.run(log.child({ migration: migration.id }));
    // Two runs at once both change only what is still unchanged; the first marker stays.
    await insertOnce(() =>
      MigrationMarkerModel.create({ _id: migration.id, doneAt: new Date(), changed }),
    );
    log.info({ migration: migration.id, changed }, "migration done");
    outcomes.push({ id: migration.id, changed });
  }
  return outcomes;
}

const migrateEnvShape = {
  LOG_LEVEL: serviceEnvShape.LOG_LEVEL,
  MONGO_URL: serviceEnvShape.MONGO_URL,
  NATS_URL: serviceEnvShape.NATS_URL,
  NATS_STREAM_REPLICAS: serviceEnvShape.NATS_STREAM_REPLICAS,
};

/**
 * A service's `migrate` command (`src/migrate.ts`): connects to its database and the bus
 * (a migration's writes carry their events through the outbox, like any write), runs
 * what is pending, prints one line per migration and disconnects.
 */
export async function migrateService(opts: {
  name: ServiceName;
  migrations: readonly Migration[];
  outboxModels?: AnyOutboxModel[];
}): Promise<MigrationOutcome[]> {
  const env = parseEnv(migrateEnvShape);
  const log = createLogger(`${opts.name}-migrate`, env.LOG_LEVEL);
  await connectDatabase(env.MONGO_URL, `tx_${opts.name}`, { poolSize: 4 });
  const bus = await EventBus.connect({
    servers: env.NATS_URL,
    service: `${opts.name}-migrate`,
    log,
    replicas: env.NATS_STREAM_REPLICAS,
  });
  try {
    outbox.attach(bus, log);
    for (const model of opts.outboxModels ?? []) outbox.register(model);
    const outcomes = await runPendingMigrations(opts.migrations, log);
    // Whatever a publish left behind (the bus faltered) goes out now, or at the service's start.
    await outbox.sweep();
    for (const o of outcomes) {
      const what = o.changed === "already done" ? "already done" : `${o.changed} changed`;
      process.stdout.write(`${opts.name}: ${o.id}: ${what}\n`);
    }
    return outcomes;
  } finally {
    await bus.close();
    await disconnectDatabase();
  }
}

/**
 * Sets `field` on every document that lacks it, to what `valueFor` makes of the document
 * (read with `fields` only); each write is conditional on the field still missing.
 */
export async function fillMissingField<T extends { _id: unknown }>(
  // biome-ignore lint/suspicious/noExplicitAny: any model with the field
  model: mongoose.Model<any>,
  field: string,
  fields: (keyof T & string)[],
  valueFor: (doc: T) => unknown,
): Promise<number> {
  const missing = { [field]: { $exists: false } };
  const docs = await model.find(missing, Object.fromEntries(fields.map((f) => [f, 1]))).lean<T[]>();
  let changed = 0;
  for (const doc of docs) {
    const r = await model.updateOne(
      { _id: doc._id, ...missing },
      { $set: { [field]: valueFor(doc) } },
    );
    changed += r.modifiedCount;
  }
  return changed;
}
