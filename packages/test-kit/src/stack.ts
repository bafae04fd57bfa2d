import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServiceName, serviceNames } from "@tx/api-contracts";
import type { InfraUrls } from "./infra";
import { freePort, GiveUp, waitFor } from "./net";
import { repoRoot } from "./paths";
import { type ManagedProcess, spawnManaged } from "./process";

export const defaultPorts: Record<ServiceName | "web", number> = {
  web: 3000,
  auth: 4001,
  tickets: 4002,
  orders: 4003,
  payments: 4004,
  expiration: 4005,
  notifications: 4006,
};

export type StackOptions = {
  infra: InfraUrls;
  logDir: string;
  services?: readonly ServiceName[];
  /** Start the web app too: `start` runs the production build, `dev` runs next dev. */
  web?: "start" | "dev" | false;
  /** Fixed ports (the dev command) or free ones (tests). */
  ports?: "default" | "free";
  env?: Record<string, string>;
  /** Variables for one service's processes only, over `env`. */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  inherit?: boolean;
  /**
   * Processes per service (default 1): each on its own port, sharing the service's database
   * and its durable consumers, as replicas of a Deployment do.
   */
  replicas?: number | Partial<Record<ServiceName, number>>;
  /**
   * Every client of a test stack calls from 127.0.0.1, so the limits per client address
   * would count a whole test's users as one (default: relaxed; tests of those limits set
   * their own values in `env`).
   */
  relaxAddressLimits?: boolean;
};

/** Limits per client address, raised where one address stands for every test user. */
const relaxedAddressLimits: Record<string, string> = {
  REGISTER_PER_ADDRESS: "100000/60",
  PASSWORD_RESET_PER_ADDRESS: "100000/60",
  EMAILED_TOKEN_USE_PER_ADDRESS: "100000/60",
  THROTTLE_ADDRESS_ATTEMPTS: "100000",
  ORDER_CREATE_PER_ADDRESS: "100000/60",
  PAYMENT_START_PER_ADDRESS: "100000/60",
};

export type Stack = {
  /** Each service's first replica (and the web app). */
  urls: Record<ServiceName, string> & { web?: string };
  /** Every replica of each service, in order (replica 0 is `urls[name]`). */
  replicaUrls: Record<ServiceName, string[]>;
  env: Record<string, string>;
  /** SIGKILL a service: one replica, or all of them when `replica` is left out. */
  kill: (name: ServiceName, replica?: number) => Promise<void>;
  /** Start a killed service again (one replica, or every one that is down), on the same port. */
  start: (name: ServiceName, replica?: number) => Promise<void>;
  stop: () => Promise<void>;
};

export const tsxLoaderUrl = pathToFileURL(
  path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs"),
);

/**
 * Node's arguments to run a service from its TypeScript source in this very process. Not
 * tsx's CLI: it runs the script in a child, which a SIGKILL of the CLI leaves running.
 */
export function serviceArgs(name: ServiceName): string[] {
  return ["--import", tsxLoaderUrl.href, path.join(repoRoot, "services", name, "src", "main.ts")];
}

/** Starts the six services (and the web app) as real processes and waits until each is ready. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const names = opts.services ?? serviceNames;
  const replicasOf = (name: ServiceName) =>
    Math.max(1, (typeof opts.replicas === "number" ? opts.replicas : opts.replicas?.[name]) ?? 1);
  const ports = {} as Record<ServiceName | "web", number>;
  for (const name of [...serviceNames, "web"] as const) {
    ports[name] = opts.ports === "default" ? defaultPorts[name] : await freePort();
  }
  // Replicas after the first always get free ports.
  const replicaPorts = {} as Record<ServiceName, number[]>;
  for (const name of serviceNames) {
    replicaPorts[name] = [ports[name]];
    if (!names.includes(name)) continue;
    for (let i = 1; i < replicasOf(name); i++) replicaPorts[name].push(await freePort());
  }
  const urlOf = (port: number) => `http://127.0.0.1:${port}`;
  const urls = Object.fromEntries(serviceNames.map((n) => [n, urlOf(ports[n])])) as Stack["urls"];
  const replicaUrls = Object.fromEntries(
    serviceNames.map((n) => [n, replicaPorts[n].map(urlOf)]),
  ) as Stack["replicaUrls"];
  const serviceUrlEnv = Object.fromEntries(
    serviceNames.map((n) => [`${n.toUpperCase()}_URL`, urls[n]]),
  );
  const env: Record<string, string> = {
    ...opts.infra,
    ...serviceUrlEnv,
    HOST: "127.0.0.1",
    AUTH_JWKS_URL: `${urls.auth}/.well-known/jwks.json`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(opts.relaxAddressLimits === false ? {} : relaxedAddressLimits),
    ...opts.env,
  };

  // The web app's session secret: random per test stack; the dev command passes a stored one.
  env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  // Signs emailed links; auth and notifications share it.
  env.EMAIL_LINK_SECRET ??= randomBytes(32).toString("base64url");
  env.NEXTAUTH_URL ??= `http://${opts.ports === "default" ? "localhost" : "127.0.0.1"}:${ports.web}`;
  // Signs saved searches' unsubscribe links (tickets): random per test stack, like the above.
  env.SAVED_SEARCH_SECRET ??= randomBytes(32).toString("base64url");
  // Links in emails point at the web app.
  env.WEB_BASE_URL ??= env.NEXTAUTH_URL;

  // Each service's replicas, by index; a replica's log is <name>.log, <name>-2.log, ...
  const procs = new Map<ServiceName, ManagedProcess[]>();
  const allProcs = () => [...procs.values()].flat();
  const launch = async (name: ServiceName, replica: number) => {
    const port = replicaPorts[name][replica] as number;
    const label = replica === 0 ? name : `${name}-${replica + 1}`;
    const proc = spawnManaged(label, process.execPath, serviceArgs(name), {
      cwd: path.join(repoRoot, "services", name),
      env: { ...env, ...opts.serviceEnv?.[name], PORT: String(port) },
      logDir: opts.logDir,
      inherit: opts.inherit,
    });
    const list = procs.get(name) ?? [];
    list[replica] = proc;
    procs.set(name, list);
    await waitForReady(label, `${urlOf(port)}/readyz`, proc, opts.logDir);
  };
  // First replicas first, then the others: a dozen processes compiling at once on a small
  // machine would each take longer than they all do in two waves.
  const started: PromiseSettledResult<void>[] = await Promise.allSettled(
    names.map((name) => launch(name, 0)),
  );
  if (!started.some((r) => r.status === "rejected")) {
    started.push(
      ...(await Promise.allSettled(
        names.flatMap((name) => replicaPorts[name].slice(1).map((_, i) => launch(name, i + 1))),
      )),
    );
  }
  const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    // Leave nothing behind: stop the services that did start.
    await Promise.all(allProcs().map((p) => p.stop(5_000)));
    throw failed.reason;
  }

  let web: ManagedProcess | undefined;
  if (opts.web) {
    const webDir = path.join(repoRoot, "apps", "web");
    const nextBin = path.join(webDir, "node_modules", "next", "dist", "bin", "next");
    web = spawnManaged(
      "web",
      process.execPath,
      [nextBin, opts.web, "-p", String(ports.web), "-H", "127.0.0.1"],
      {
        cwd: webDir,
        env: {
          ...env,
          PORT: String(ports.web),
          NODE_ENV: opts.web === "dev" ? "development" : "production",
        },
        logDir: opts.logDir,
        inherit: opts.inherit,
      },
    );
    urls.web = `http://127.0.0.1:${ports.web}`;
    try {
      await waitForReady("web", `${urls.web}/api/healthz`, web, opts.logDir, 120_000);
    } catch (err) {
      await Promise.all([web.stop(5_000), ...allProcs().map((p) => p.stop(5_000))]);
      throw err;
    }
  }

  /** The replicas meant: one, or all of the service's. */
  const chosen = (name: ServiceName, replica?: number) => {
    const list = procs.get(name);
    if (!list) throw new Error(`${name} is not part of this stack`);
    if (replica === undefined) return list.map((_, i) => i);
    if (!list[replica]) throw new Error(`${name} has no replica ${replica}`);
    return [replica];
  };
  return {
    urls,
    replicaUrls,
    env,
    kill: async (name, replica) => {
      await Promise.all(chosen(name, replica).map((i) => procs.get(name)?.[i]?.kill()));
    },
    start: async (name, replica) => {
      const down = chosen(name, replica).filter((i) => !procs.get(name)?.[i]?.isRunning());
      await Promise.all(down.map((i) => launch(name, i)));
    },
    stop: async () => {
      await web?.stop(10_000);
      await Promise.all(allProcs().map((p) => p.stop(10_000)));
    },
  };
}

async function waitForReady(
  name: string,
  url: string,
  proc: ManagedProcess,
  logDir: string,
  // Generous: six services compiling at once on a loaded 2-core machine take over a minute.
  timeoutMs = 150_000,
): Promise<void> {
  await waitFor(
    `${name} to be ready at ${url} (see ${logDir}/${name}.log)`,
    async () => {
      if (!proc.isRunning()) throw new GiveUp(`${name} exited; see ${logDir}/${name}.log`);
      const res = await fetch(url).catch(() => undefined);
      return res?.ok ?? false;
    },
    { timeoutMs, intervalMs: 100 },
  );
}
