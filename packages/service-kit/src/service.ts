import type { AnyRouter } from "@trpc/server";
import type { ServiceName } from "@tx/api-contracts";
import type { Authenticate } from "./auth";
import { type ConsumerOptions, EventBus } from "./bus";
import { databaseReachable } from "./database-gate";
import { startDatabaseWatchdog } from "./database-watchdog";
import { connectDatabase, disconnectDatabase, pingDatabase } from "./db";
import { createServiceServer, type RawRoute } from "./http";
import { createLogger, type Logger } from "./logger";
import { attachOperations } from "./operations";
import { setOperators } from "./operator";
import { type AnyOutboxModel, outbox } from "./outbox";
import { type Reconciler, startReconcilers } from "./reconciler";
import { readinessChecks, registerReadinessCheck } from "./system";

export type BaseServiceEnv = {
  NODE_ENV: string;
  LOG_LEVEL: string;
  HOST: string;
  PORT: number;
  MONGO_URL: string;
  MONGO_POOL_SIZE: number;
  NATS_URL: string;
  NATS_STREAM_REPLICAS: number;
  TRUSTED_PROXIES?: number;
  OPERATOR_EMAILS: string[];
};

export type ServiceRuntime = { log: Logger; bus: EventBus };

export type ServiceDefinition = {
  name: ServiceName;
  env: BaseServiceEnv;
  router: AnyRouter;
  /** Models whose documents carry an outbox; their leftovers are relayed at start. */
  outboxModels?: AnyOutboxModel[];
  // biome-ignore lint/suspicious/noExplicitAny: a list of consumers of different subjects
  consumers?: ConsumerOptions<any>[];
  /** How callers are identified; without it every caller is anonymous. */
  authenticate?: (log: Logger) => Authenticate;
  routes?: Record<string, RawRoute>;
  /** Starts extra resources (queues, workers); returns how to stop them. */
  start?: (runtime: ServiceRuntime) => Promise<() => Promise<void>>;
  /** Periodic repairs of states an event should have changed (run in the background). */
  reconcilers?: Reconciler[];
  /** Seconds between reconciler passes (the service's RECONCILE_INTERVAL_SECONDS). */
  reconcileIntervalSeconds?: number;
  /**
   * Called as shutdown begins, before the server waits for open requests: ends long-lived
   * responses (subscriptions), which would otherwise hold the close until the hard stop.
   */
  endStreams?: () => void;
  /** Once the server listens (its port is known). */
  listening?: (service: RunningService) => void;
};

export type RunningService = {
  port: number;
  log: Logger;
  bus: EventBus;
  /** One reconciler pass now, awaited. */
  reconcile: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Start-up shared by every service: database, bus, outbox relay, consumers, HTTP server. */
export async function startService(def: ServiceDefinition): Promise<RunningService> {
  const log = createLogger(def.name, def.env.LOG_LEVEL);
  setOperators(def.env.OPERATOR_EMAILS);
  const dbName = `tx_${def.name}`;
  await connectDatabase(def.env.MONGO_URL, dbName, { poolSize: def.env.MONGO_POOL_SIZE });
  registerReadinessCheck({ name: "mongodb", check: pingDatabase });
  const stopWatchdog = startDatabaseWatchdog({
    reachable: databaseReachable,
    reconnect: async () => {
      await disconnectDatabase().catch(() => undefined);
      await connectDatabase(def.env.MONGO_URL, dbName, { poolSize: def.env.MONGO_POOL_SIZE });
    },
    log,
  });
  const bus = await EventBus.connect({
    servers: def.env.NATS_URL,
    service: def.name,
    log,
    replicas: def.env.NATS_STREAM_REPLICAS,
    canHandle: databaseReachable,
  });
  registerReadinessCheck({ name: "nats", check: () => bus.ping() });

  outbox.attach(bus, log);
  for (const model of def.outboxModels ?? []) outbox.register(model);
  await outbox.start();
  attachOperations({ service: def.name, bus, outbox, paused: () => !databaseReachable() });

  const stopExtra = def.start ? await def.start({ log, bus }) : async () => {};
  for (const consumer of def.consumers ?? []) await bus.consume(consumer);
  const reconcilers = startReconcilers(def.reconcilers ?? [], {
    intervalMs: (def.reconcileIntervalSeconds ?? 60) * 1000,
    log,
    canRun: databaseReachable,
  });

  const server = createServiceServer({
    service: def.name,
    router: def.router,
    log,
    checks: readinessChecks(),
    authenticate: def.authenticate?.(log),
    routes: def.routes,
    trustedProxies: def.env.TRUSTED_PROXIES ?? 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(def.env.PORT, def.env.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : def.env.PORT;
  log.info({ port, host: def.env.HOST, db: dbName }, `${def.name} service listening`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      log.info("shutting down");
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        def.endStreams?.();
      });
      await reconcilers.stop();
      stopWatchdog();
      await stopExtra();
      await outbox.stop();
      await bus.close();
      await disconnectDatabase();
      log.info("stopped");
    })();
    return stopping;
  };
  const running = { port, log, bus, reconcile: reconcilers.runNow, stop };
  def.listening?.(running);
  return running;
}

/** SIGTERM / SIGINT stop the service gracefully; a second signal or a 10 s stall exits at once. */
export function stopOnSignals(service: RunningService): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    service.log.info({ signal }, "signal received");
    setTimeout(() => process.exit(1), 10_000).unref();
    service
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        service.log.error({ err }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/**
 * The whole of a service's main.ts: `runService(() => import("./service"))`. The definition
 * is loaded inside, not imported above, so that a configuration error (thrown as env.ts is
 * evaluated) is reported like any other failed start, in one line.
 */
export function runService(load: () => Promise<{ service: ServiceDefinition }>): void {
  runMain(async () => {
    const { service } = await load();
    stopOnSignals(await startService(service));
  });
}

/** Runs main(), turning a failed start (bad config, unreachable database) into one clear line. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`failed to start: ${message}\n`);
    process.exit(1);
  });
}
