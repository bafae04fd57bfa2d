import { mkdirSync } from "node:fs";
import path from "node:path";
import { freePort, tcpOpen, waitFor } from "./net";
import { binary } from "./paths";
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

type Server = {
  name: InfraName;
  port: number;
  extraPort?: number;
  proc?: ManagedProcess;
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
  log?: (line: string) => void;
};

/**
 * Starts the real servers the services need, on free loopback ports: FerretDB (MongoDB
 * wire protocol, SQLite backend), nats-server with JetStream, redis-server with its
 * append-only file, and Mailpit (SMTP + web inbox). Stops only what it started.
 */
export async function startInfra(opts: StartInfraOptions): Promise<Infra> {
  const env = opts.env ?? {};
  const logDir = path.join(opts.dir, "logs");
  const servers = new Map<InfraName, Server>();
  const say = opts.log ?? (() => {});
  const wanted = (name: InfraName) => !opts.only || opts.only.includes(name);
  const portFor = async (key: keyof NonNullable<StartInfraOptions["ports"]>) =>
    opts.ports?.[key] ?? (await freePort());

  const dataDir = (name: string) => {
    const d = path.join(opts.dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  if (!env.MONGO_URL && wanted("mongo")) {
    const port = await portFor("mongo");
    const dir = dataDir("ferretdb");
    servers.set("mongo", {
      name: "mongo",
      port,
      launch: () =>
        spawnManaged(
          "ferretdb",
          binary("ferretdb"),
          [
            `--listen-addr=127.0.0.1:${port}`,
            "--handler=sqlite",
            `--sqlite-url=file:${dir}/`,
            `--state-dir=${dir}`,
            "--telemetry=disable",
            "--log-level=warn",
            "--debug-addr=127.0.0.1:0",
          ],
          { logDir },
        ),
    });
  }
  if (!env.NATS_URL && wanted("nats")) {
    const port = await portFor("nats");
    const dir = dataDir("nats");
    servers.set("nats", {
      name: "nats",
      port,
      launch: () =>
        spawnManaged(
          "nats",
          binary("nats-server"),
          ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", dir, "--no_advertise"],
          { logDir },
        ),
    });
  }
  if (!env.REDIS_URL && wanted("redis")) {
    const port = await portFor("redis");
    const dir = dataDir("redis");
    servers.set("redis", {
      name: "redis",
      port,
      launch: () =>
        spawnManaged(
          "redis",
          binary("redis-server"),
          [
            "--port",
            String(port),
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
    });
  }
  if (!env.SMTP_HOST && wanted("mail")) {
    const port = await portFor("mailHttp");
    const smtpPort = await portFor("mailSmtp");
    const dir = dataDir("mailpit");
    servers.set("mail", {
      name: "mail",
      port,
      extraPort: smtpPort,
      launch: () =>
        spawnManaged(
          "mailpit",
          binary("mailpit"),
          [
            "--listen",
            `127.0.0.1:${port}`,
            "--smtp",
            `127.0.0.1:${smtpPort}`,
            "--database",
            path.join(dir, "mailpit.db"),
            "--smtp-auth-accept-any",
            "--smtp-auth-allow-insecure",
            "--disable-version-check",
          ],
          { logDir },
        ),
    });
  }

  const startOne = async (server: Server) => {
    server.proc = server.launch();
    const proc = server.proc;
    const ports = [server.port, ...(server.extraPort ? [server.extraPort] : [])];
    await waitFor(
      `${server.name} on port ${ports.join(",")} (see ${logDir}/${proc.name}.log)`,
      async () => {
        if (!proc.isRunning()) throw new Error(`${proc.name} exited`);
        for (const p of ports) if (!(await tcpOpen(p))) return false;
        return true;
      },
      { timeoutMs: 30_000 },
    );
    say(`${server.name} listening on ${ports.join(", ")} (pid ${proc.pid})`);
  };

  try {
    await Promise.all([...servers.values()].map(startOne));
  } catch (err) {
    await Promise.all([...servers.values()].map((s) => s.proc?.stop(2_000)));
    throw err;
  }

  const mongo = servers.get("mongo");
  const nats = servers.get("nats");
  const redis = servers.get("redis");
  const mail = servers.get("mail");
  const urls: InfraUrls = {
    // FerretDB 1.x applies an update as read-then-write inside its handler, so two updates of
    // one document on two connections can lose one; a single connection per process
    // serializes them. MongoDB itself is atomic per document and needs no such limit.
    MONGO_URL: env.MONGO_URL ?? `mongodb://127.0.0.1:${mongo?.port}/?maxPoolSize=1`,
    NATS_URL: env.NATS_URL ?? `nats://127.0.0.1:${nats?.port}`,
    REDIS_URL: env.REDIS_URL ?? `redis://127.0.0.1:${redis?.port}`,
    SMTP_HOST: env.SMTP_HOST ?? "127.0.0.1",
    SMTP_PORT: env.SMTP_PORT ?? String(mail?.extraPort),
    MAILPIT_URL: env.MAILPIT_URL ?? `http://127.0.0.1:${mail?.port}`,
  };

  const get = (name: InfraName) => {
    const server = servers.get(name);
    if (!server) throw new Error(`${name} was not started by the harness (its URL was given)`);
    return server;
  };

  const start = async (name: InfraName) => {
    const server = get(name);
    if (server.proc?.isRunning()) return;
    await startOne(server);
  };
  const halt = async (name: InfraName) => {
    await get(name).proc?.stop(5_000);
  };
  return {
    urls,
    dir: opts.dir,
    kill: async (name) => {
      await get(name).proc?.kill();
    },
    start,
    halt,
    outage: async (name, ms, during) => {
      await halt(name);
      say(`${name} stopped for ${Math.round(ms / 1000)} s`);
      const away = new Promise((r) => setTimeout(r, ms));
      await Promise.all([away, during?.()]);
      await start(name);
    },
    stop: async () => {
      await Promise.all([...servers.values()].map((s) => s.proc?.stop(5_000)));
    },
  };
}
