import { mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, GiveUp, tcpOpen, waitFor } from "./net";
import { binary } from "./paths";
import {
  clusterDir,
  ensureCluster,
  type FerretdbBackend,
  ferretdbBackendSetting,
  ferretdbPostgresUrl,
  postgresArgs,
  postgresBinary,
  postgresUser,
} from "./postgres";
import { type ManagedProcess, spawnManaged } from "./process";

export type InfraName = "mongo" | "nats" | "redis" | "mail";

export type InfraUrls = {
  MONGO_URL: string;
  NATS_URL: string;
  REDIS_URL: string;
  SMTP_HOST: string;
  SMTP_PORT: string;
  /** Mailpit's web inbox and REST API. */
  MAILPIT_URL: string;
};

export type Infra = {
  urls: InfraUrls;
  dir: string;
  /** Where FerretDB keeps the data (when the harness started it). */
  ferretdbBackend: FerretdbBackend;
  /** FerretDB's debug server (metrics, /debug/pprof), when the harness started it. */
  ferretdbDebugUrl?: string;
  /** The PostgreSQL cluster's folder (under `dir`, unless its user cannot reach `dir`). */
  postgresDir?: string;
  /** SIGKILL one server (a crash), leaving its data on disk. */
  kill: (name: InfraName) => Promise<void>;
  /** Start a killed or stopped server again, on the same port with the same data. */
  start: (name: InfraName) => Promise<void>;
  /** Stop one server (SIGTERM, SIGKILL after 5 s), leaving its data on disk. */
  halt: (name: InfraName) => Promise<void>;
  /**
   * An outage: the server stopped for `ms`, then started again on its port with its data.
   * `during` runs while it is away (the test's clients keep trying meanwhile).
   */
  outage: (name: InfraName, ms: number, during?: () => Promise<void>) => Promise<void>;
  stop: () => Promise<void>;
};

/** How long a server must keep running after its ports open to count as started. */
const STILL_RUNNING_MS = 300;

type Server = {
  name: string;
  port: number;
  extraPort?: number;
  /** The ports were given by the caller: never moved. */
  fixedPorts: boolean;
  proc?: ManagedProcess;
  /** Once, before the first launch (initdb). */
  prepare?: () => void;
  /** Reads the server's ports when called: a first start may move them (startOne). */
  launch: () => ManagedProcess;
};

export type StartInfraOptions = {
  /** Data and logs go here; reused between runs when it is the same folder. */
  dir: string;
  /** Variables already set (MONGO_URL, ...) point at real servers and are not started. */
  env?: Record<string, string | undefined>;
  /** Fixed ports (the dev command, so the inbox has a stable address); free ports otherwise. */
  ports?: Partial<Record<"mongo" | "nats" | "redis" | "mailHttp" | "mailSmtp", number>>;
  /** Start only these servers (default: all four). */
  only?: InfraName[];
  /** FerretDB's storage; default: the TX_FERRETDB_BACKEND setting (sqlite unless set). */
  ferretdbBackend?: FerretdbBackend;
  log?: (line: string) => void;
};

/**
 * Starts the real servers the services need, on free loopback ports: FerretDB (MongoDB
 * wire protocol, on SQLite or on a private PostgreSQL cluster), nats-server with JetStream,
 * redis-server with its append-only file, and Mailpit (SMTP + web inbox). Stops only what
 * it started.
 */
export async function startInfra(opts: StartInfraOptions): Promise<Infra> {
  const env = opts.env ?? {};
  const logDir = path.join(opts.dir, "logs");
  const ferretdbBackend = opts.ferretdbBackend ?? ferretdbBackendSetting();
  // Each name's servers, started in order (PostgreSQL before the FerretDB in front of it).
  const servers = new Map<InfraName, Server[]>();
  const say = opts.log ?? (() => {});
  const wanted = (name: InfraName) => !opts.only || opts.only.includes(name);
  const portFor = async (key: keyof NonNullable<StartInfraOptions["ports"]>) =>
    opts.ports?.[key] ?? (await freePort());
  const given = (key: keyof NonNullable<StartInfraOptions["ports"]>) =>
    opts.ports?.[key] !== undefined;

  const dataDir = (name: string) => {
    const d = path.join(opts.dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  let postgresDir: string | undefined;
  if (!env.MONGO_URL && wanted("mongo")) {
    const dir = dataDir("ferretdb");
    const chain: Server[] = [];
    let storage = () => [`--handler=sqlite`, `--sqlite-url=file:${dir}/`];
    if (ferretdbBackend === "postgresql") {
      const pgDir = clusterDir(dataDir("postgresql"));
      postgresDir = pgDir;
      const user = postgresUser();
      const postgresql: Server = {
        name: "postgresql",
        port: await freePort(),
        fixedPorts: false,
        prepare: () => ensureCluster(pgDir),
        launch: () =>
          spawnManaged(
            "postgresql",
            postgresBinary("postgres"),
            postgresArgs(pgDir, postgresql.port),
            { logDir, user },
          ),
      };
      chain.push(postgresql);
      storage = () => [
        "--handler=postgresql",
        `--postgresql-url=${ferretdbPostgresUrl(postgresql.port)}`,
      ];
    }
    const ferretdb: Server = {
      name: "mongo",
      port: await portFor("mongo"),
      // The debug server's port, waited for like the main one so no later free port is it.
      extraPort: await freePort(),
      fixedPorts: given("mongo"),
      launch: () =>
        spawnManaged(
          "ferretdb",
          binary("ferretdb"),
          [
            `--listen-addr=127.0.0.1:${ferretdb.port}`,
            ...storage(),
            `--state-dir=${dir}`,
            "--telemetry=disable",
            "--log-level=warn",
            `--debug-addr=127.0.0.1:${ferretdb.extraPort}`,
          ],
          { logDir },
        ),
    };
    chain.push(ferretdb);
    servers.set("mongo", chain);
  }
  if (!env.NATS_URL && wanted("nats")) {
    const dir = dataDir("nats");
    const nats: Server = {
      name: "nats",
      port: await portFor("nats"),
      fixedPorts: given("nats"),
      launch: () =>
        spawnManaged(
          "nats",
          binary("nats-server"),
          ["-js", "-a", "127.0.0.1", "-p", String(nats.port), "-sd", dir, "--no_advertise"],
          { logDir },
        ),
    };
    servers.set("nats", [nats]);
  }
  if (!env.REDIS_URL && wanted("redis")) {
    const dir = dataDir("redis");
    const redis: Server = {
      name: "redis",
      port: await portFor("redis"),
      fixedPorts: given("redis"),
      launch: () =>
        spawnManaged(
          "redis",
          binary("redis-server"),
          [
            "--port",
            String(redis.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            dir,
            "--appendonly",
            "yes",
            // fsync on every write locally: a test kills redis and expects its delayed jobs back.
            "--appendfsync",
            "always",
            "--save",
            "",
            "--protected-mode",
            "no",
          ],
          { logDir },
        ),
    };
    servers.set("redis", [redis]);
  }
  if (!env.SMTP_HOST && wanted("mail")) {
    const dir = dataDir("mailpit");
    const mail: Server = {
      name: "mail",
      port: await portFor("mailHttp"),
      extraPort: await portFor("mailSmtp"),
      fixedPorts: given("mailHttp") || given("mailSmtp"),
      launch: () =>
        spawnManaged(
          "mailpit",
          binary("mailpit"),
          [
            "--listen",
            `127.0.0.1:${mail.port}`,
            "--smtp",
            `127.0.0.1:${mail.extraPort}`,
            "--database",
            path.join(dir, "mailpit.db"),
            "--smtp-auth-accept-any",
            "--smtp-auth-allow-insecure",
            "--disable-version-check",
          ],
          { logDir },
        ),
    };
    servers.set("mail", [mail]);
  }

  /**
   * Launches a server and waits for its ports. A free port is only free when it was picked:
   * another process (a parallel test file's server) can take it before ours binds. Then
   * the port answers although ours exited, so a server counts as started only if it is
   * still running a moment after its ports open. On a first start with ports we picked, one
   * that exited is launched again on new ports; a restart keeps its ports (clients hold them).
   */
  const startOne = async (server: Server, first: boolean) => {
    server.prepare?.();
    server.prepare = undefined;
    for (let attempt = 1; ; attempt++) {
      const proc = server.launch();
      server.proc = proc;
      const ports = [server.port, ...(server.extraPort ? [server.extraPort] : [])];
      try {
        await waitFor(
          `${server.name} on port ${ports.join(",")} (see ${logDir}/${proc.name}.log)`,
          async () => {
            if (!proc.isRunning()) throw new GiveUp(`${proc.name} exited`);
            for (const p of ports) if (!(await tcpOpen(p))) return false;
            await sleep(STILL_RUNNING_MS);
            if (!proc.isRunning()) throw new GiveUp(`${proc.name} exited`);
            return true;
          },
          { timeoutMs: 30_000 },
        );
        say(`${server.name} listening on ${ports.join(", ")} (pid ${proc.pid})`);
        return;
      } catch (err) {
        if (proc.isRunning() || !first || server.fixedPorts || attempt >= 3) throw err;
        say(`${server.name} exited as it started (port ${ports.join(",")} taken?): new ports`);
        server.port = await freePort();
        if (server.extraPort) server.extraPort = await freePort();
      }
    }
  };

  const startChain = async (chain: Server[], first = false) => {
    for (const server of chain) if (!server.proc?.isRunning()) await startOne(server, first);
  };
  const stopChain = async (chain: Server[], graceMs: number) => {
    for (const server of [...chain].reverse()) await server.proc?.stop(graceMs);
  };

  try {
    await Promise.all([...servers.values()].map((chain) => startChain(chain, true)));
  } catch (err) {
    await Promise.all([...servers.values()].map((c) => stopChain(c, 2_000)));
    throw err;
  }

  const front = (name: InfraName) => servers.get(name)?.at(-1);
  const mongo = front("mongo");
  const nats = front("nats");
  const redis = front("redis");
  const mail = front("mail");
  const ferretdbDebugUrl = mongo?.extraPort ? `http://127.0.0.1:${mongo.extraPort}` : undefined;
  const urls: InfraUrls = {
    // Any number of connections: our FerretDB build makes conditional writes atomic
    // (scripts/patches/ferretdb-v1.24.2-atomic-writes.patch), as MongoDB is.
    MONGO_URL: env.MONGO_URL ?? `mongodb://127.0.0.1:${mongo?.port}/`,
    NATS_URL: env.NATS_URL ?? `nats://127.0.0.1:${nats?.port}`,
    REDIS_URL: env.REDIS_URL ?? `redis://127.0.0.1:${redis?.port}`,
    SMTP_HOST: env.SMTP_HOST ?? "127.0.0.1",
    SMTP_PORT: env.SMTP_PORT ?? String(mail?.extraPort),
    MAILPIT_URL: env.MAILPIT_URL ?? `http://127.0.0.1:${mail?.port}`,
  };

  const get = (name: InfraName) => {
    const chain = servers.get(name);
    if (!chain) throw new Error(`${name} was not started by the harness (its URL was given)`);
    return chain;
  };

  const halt = (name: InfraName) => stopChain(get(name), 5_000);
  return {
    urls,
    dir: opts.dir,
    ferretdbBackend,
    ferretdbDebugUrl,
    postgresDir,
    // "mongo" is FerretDB and, on PostgreSQL, the cluster behind it: a crash takes both.
    kill: async (name) => {
      for (const server of [...get(name)].reverse()) await server.proc?.kill();
    },
    halt,
    outage: async (name, ms, during) => {
      await halt(name);
      say(`${name} stopped for ${Math.round(ms / 1000)} s`);
      const away = new Promise((r) => setTimeout(r, ms));
      await Promise.all([away, during?.()]);
      await startChain(get(name));
    },
    start: async (name) => startChain(get(name)),
    stop: async () => {
      await Promise.all([...servers.values()].map((c) => stopChain(c, 5_000)));
    },
  };
}
