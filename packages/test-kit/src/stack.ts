import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServiceName, serviceNames } from "@tx/api-contracts";
import type { InfraUrls } from "./infra";
import { freePort, waitFor } from "./net";
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
  inherit?: boolean;
};

export type Stack = {
  urls: Record<ServiceName, string> & { web?: string };
  env: Record<string, string>;
  kill: (name: ServiceName) => Promise<void>;
  start: (name: ServiceName) => Promise<void>;
  stop: () => Promise<void>;
};

const tsxLoader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs"));

/**
 * Node's arguments to run a service from its TypeScript source in this very process. Not
 * tsx's CLI: it runs the script in a child, which a SIGKILL of the CLI leaves running.
 */
export function serviceArgs(name: ServiceName): string[] {
  return ["--import", tsxLoader.href, path.join(repoRoot, "services", name, "src", "main.ts")];
}

/** Starts the six services (and the web app) as real processes and waits until each is ready. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const names = opts.services ?? serviceNames;
  const ports = {} as Record<ServiceName | "web", number>;
  for (const name of [...serviceNames, "web"] as const) {
    ports[name] = opts.ports === "default" ? defaultPorts[name] : await freePort();
  }
  const urls = Object.fromEntries(
    serviceNames.map((n) => [n, `http://127.0.0.1:${ports[n]}`]),
  ) as Stack["urls"];
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
    ...opts.env,
  };

  // The web app's session secret: random per test stack; the dev command passes a stored one.
  env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  env.NEXTAUTH_URL ??= `http://${opts.ports === "default" ? "localhost" : "127.0.0.1"}:${ports.web}`;
  // Links in emails point at the web app.
  env.WEB_BASE_URL ??= env.NEXTAUTH_URL;

  const procs = new Map<ServiceName, ManagedProcess>();
  const launch = async (name: ServiceName) => {
    const proc = spawnManaged(name, process.execPath, serviceArgs(name), {
      cwd: path.join(repoRoot, "services", name),
      env: { ...env, PORT: String(ports[name]) },
      logDir: opts.logDir,
      inherit: opts.inherit,
    });
    procs.set(name, proc);
    await waitForReady(name, `${urls[name]}/readyz`, proc, opts.logDir);
  };
  const started = await Promise.allSettled(names.map(launch));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    // Leave nothing behind: stop the services that did start.
    await Promise.all([...procs.values()].map((p) => p.stop(5_000)));
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
      await Promise.all([web.stop(5_000), ...[...procs.values()].map((p) => p.stop(5_000))]);
      throw err;
    }
  }

  const get = (name: ServiceName) => {
    const p = procs.get(name);
    if (!p) throw new Error(`${name} is not part of this stack`);
    return p;
  };
  return {
    urls,
    env,
    kill: async (name) => get(name).kill(),
    start: async (name) => {
      if (get(name).isRunning()) return;
      await launch(name);
    },
    stop: async () => {
      await web?.stop(10_000);
      await Promise.all([...procs.values()].map((p) => p.stop(10_000)));
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
      if (!proc.isRunning()) throw new Error(`${name} exited; see ${logDir}/${name}.log`);
      const res = await fetch(url).catch(() => undefined);
      return res?.ok ?? false;
    },
    { timeoutMs, intervalMs: 100 },
  );
}
