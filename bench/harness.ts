/** Starts what a figure needs through the test-kit harness, and stops it again by its handles. */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ServiceName } from "../packages/api-contracts/src/index";
import { createLogger, EventBus } from "../packages/service-kit/src/index";
import {
  type FerretdbBackend,
  type Infra,
  repoRoot,
  type Stack,
  type StackOptions,
  startInfra,
  startStack,
} from "../packages/test-kit/src/index";
import { ourServerPids, startCpuMeter } from "./cpu";
import { type ProfileSummary, summarizeProfiles } from "./profile";

export type Say = (line: string) => void;

/** What was started, in order; released in reverse, each step even if an earlier one failed. */
export class Resources {
  private readonly steps: { what: string; release: () => Promise<unknown> }[] = [];

  constructor(private readonly say: Say) {}

  add(what: string, release: () => Promise<unknown>): void {
    this.steps.push({ what, release });
  }

  async releaseAll(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      if (!step) break;
      try {
        await step.release();
      } catch (err) {
        this.say(`  could not stop ${step.what}: ${err instanceof Error ? err.message : err}`);
      }
    }
  }
}

export type RunContext = {
  runDir: string;
  quick: boolean;
  /** FerretDB's storage for every phase (--backend, else TX_FERRETDB_BACKEND). */
  backend: FerretdbBackend;
  /** Profile every service and the web app during each measurement (<phase>/profiles). */
  profile: boolean;
  /** The services' MongoDB pool size instead of their default (MONGO_POOL_SIZE; see --mongo-pool). */
  mongoPool?: number;
  say: Say;
};

export type Phase = {
  name: string;
  dir: string;
  logDir: string;
  profileDir: string;
  infra: Infra;
  stack: Stack;
  resources: Resources;
};

/** Our own servers (never ones named by MONGO_URL etc. in the environment), fresh data, free ports. */
export async function startPhase(
  ctx: RunContext,
  name: string,
  opts: {
    services: readonly ServiceName[];
    web?: boolean;
    env?: Record<string, string>;
    /** Processes per service (the stack's `replicas`). */
    replicas?: StackOptions["replicas"];
  },
): Promise<Phase> {
  const resources = new Resources(ctx.say);
  const dir = path.join(ctx.runDir, name);
  const logDir = path.join(dir, "logs");
  const profileDir = path.join(dir, "profiles");
  try {
    const t0 = performance.now();
    const infra = await startInfra({ dir, env: {}, ferretdbBackend: ctx.backend });
    resources.add(`${name} infrastructure`, () => infra.stop());
    const stack = await startStack({
      infra: infra.urls,
      logDir,
      services: opts.services,
      replicas: opts.replicas,
      web: opts.web ? "start" : false,
      ports: "free",
      env: {
        // Per-request info lines off, as in the integration tests: we measure the work, not the log.
        LOG_LEVEL: "warn",
        // As deployed (k8s/base/config.env): libraries run their production builds (React
        // renders the emails several times faster than its development build).
        NODE_ENV: "production",
        // One run outlives the default 15-minute access token.
        ACCESS_TOKEN_TTL_SECONDS: "3600",
        // A few bench buyers stand for many people: the per-buyer caps (issue 18) would
        // measure themselves, not the system.
        ORDER_MAX_LIVE_HOLDS: "1000",
        ORDER_CREATE_PER_USER: "1000000/60",
        PAYMENT_START_PER_USER: "1000000/60",
        ...(ctx.profile ? profilerEnv(ctx, profileDir) : {}),
        ...(ctx.mongoPool ? { MONGO_POOL_SIZE: String(ctx.mongoPool) } : {}),
        ...opts.env,
      },
      // Production refuses payments without Stripe keys; the bench pays through the sandbox.
      serviceEnv: { payments: { NODE_ENV: "development" } },
    });
    resources.add(`${name} services`, () => stack.stop());
    const counts = opts.services.map((n) => {
      const r = stack.replicaUrls[n].length;
      return r > 1 ? `${n} x${r}` : n;
    });
    ctx.say(
      `  ${name} (FerretDB on ${ctx.backend}): ${counts.join(", ")}${opts.web ? ", web" : ""} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (logs: ${logDir})`,
    );
    return { name, dir, logDir, profileDir, infra, stack, resources };
  } catch (err) {
    await resources.releaseAll();
    throw err;
  }
}

// Node refuses --cpu-prof in NODE_OPTIONS but takes --import: this preload runs V8's sampling
// profiler through node:inspector between two SIGUSR2 signals (so start-up is left out) and
// writes a .cpuprofile at the second.
const PROFILER = `
import { Session } from "node:inspector";
import { mkdirSync, writeFileSync } from "node:fs";
const session = new Session();
session.connect();
let running = false;
process.on("SIGUSR2", () => {
  if (!running) {
    session.post("Profiler.enable");
    session.post("Profiler.setSamplingInterval", { interval: 500 });
    session.post("Profiler.start");
    running = true;
    return;
  }
  running = false;
  session.post("Profiler.stop", (err, result) => {
    if (err) return;
    const dir = process.env.BENCH_PROFILE_DIR;
    mkdirSync(dir, { recursive: true });
    writeFileSync(dir + "/" + process.pid + "-" + Date.now() + ".cpuprofile", JSON.stringify(result.profile));
  });
});
`;

function profilerEnv(ctx: RunContext, profileDir: string): Record<string, string> {
  const file = path.join(ctx.runDir, "profiler.mjs");
  if (!existsSync(file)) writeFileSync(file, PROFILER);
  return { NODE_OPTIONS: `--import=${file}`, BENCH_PROFILE_DIR: profileDir };
}

export const profileSummaries: Record<string, ProfileSummary[]> = {};

/**
 * With --profile: profiles every service and the web app from now until `end()`, then prints
 * each busy process's hottest frames and keeps the summary under `label`.
 */
export function profileWindow(ctx: RunContext, phase: Phase, label: string) {
  if (!ctx.profile) return { end: async () => {} };
  const pids = ourServerPids();
  const signal = () => {
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGUSR2");
      } catch {}
    }
  };
  signal();
  const dir = path.join(phase.profileDir, label);
  const ferretdb = ferretdbProfile(phase, dir, ctx.quick ? 20 : 40);
  return {
    end: async () => {
      signal();
      // Each process writes its profile when signalled; a large one takes a while on a busy machine.
      const written = () =>
        existsSync(phase.profileDir)
          ? readdirSync(phase.profileDir).filter((f) => f.endsWith(".cpuprofile")).length
          : 0;
      for (let waited = 0; waited < 30_000 && written() < pids.length; waited += 500) {
        await new Promise((r) => setTimeout(r, 500));
      }
      mkdirSync(dir, { recursive: true });
      if (existsSync(phase.profileDir)) {
        for (const f of readdirSync(phase.profileDir).filter((f) => f.endsWith(".cpuprofile"))) {
          renameSync(path.join(phase.profileDir, f), path.join(dir, f));
        }
      }
      const summaries = summarizeProfiles(dir);
      profileSummaries[label] = summaries;
      for (const p of summaries) {
        ctx.say(`  profile ${p.process} (${p.busyMs} ms busy of ${p.wallMs} ms): ${dir}/${p.file}`);
        for (const f of p.topFrames.slice(0, 8)) ctx.say(`    ${f.percentOfBusy}%  ${f.frame}`);
      }
      const top = await ferretdb;
      if (top) {
        ctx.say(`  profile ferretdb (Go pprof, first ${top.seconds} s): ${top.file}`);
        for (const line of top.lines) ctx.say(`    ${line}`);
      }
    },
  };
}

/**
 * FerretDB's own CPU profile (Go's pprof on its debug server) for the first `seconds` of a
 * window, and its hottest functions by cumulative time from `go tool pprof -top`.
 */
async function ferretdbProfile(phase: Phase, dir: string, seconds: number) {
  const base = phase.infra.ferretdbDebugUrl;
  if (!base) return undefined;
  try {
    const res = await fetch(`${base}/debug/pprof/profile?seconds=${seconds}`);
    if (!res.ok) return undefined;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "ferretdb.pprof");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const top = await new Promise<string>((resolve) => {
      execFile(
        "go",
        ["tool", "pprof", "-top", "-cum", "-nodecount=25", file],
        { timeout: 60_000, maxBuffer: 8 * 2 ** 20 },
        (err, stdout, stderr) =>
          resolve(err ? `  (go tool pprof failed: ${err.message} ${stderr})` : stdout),
      );
    });
    const lines = top
      .split("\n")
      .filter((l) => /^\s+\d/.test(l) || l.startsWith("Showing") || l.includes("failed"));
    return { file, seconds, lines: lines.slice(0, 26) };
  } catch {
    return undefined;
  }
}

/**
 * The web figures need a production build of apps/web (`pnpm bench` makes one through
 * scripts/setup.sh). If it is missing (someone is rebuilding, or ran next dev), wait for a
 * build in progress, then build it here.
 */
export async function ensureWebBuild(ctx: RunContext): Promise<void> {
  const webDir = path.join(repoRoot, "apps", "web");
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  const lock = path.join(webDir, ".next", "lock");
  const deadline = Date.now() + 300_000;
  while (!existsSync(buildId) && existsSync(lock) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2_000));
  }
  if (existsSync(buildId)) return;
  ctx.say("  no production build of the web app: running pnpm --filter @tx/web build");
  const log = path.join(ctx.runDir, "web-build.log");
  await new Promise<void>((resolve, reject) => {
    execFile(
      "pnpm",
      ["--filter", "@tx/web", "build"],
      { cwd: repoRoot, timeout: 600_000, maxBuffer: 64 * 2 ** 20 },
      (err, stdout, stderr) => {
        writeFileSync(log, `${stdout}\n${stderr}`);
        if (err) reject(new Error(`the web app does not build (see ${log}): ${err.message}`));
        else resolve();
      },
    );
  });
}

/**
 * Watches events as NATS delivers them (a plain subscription sees every message the stream
 * stores, at the moment the server receives it): `at(key)` is when, in performance.now() time.
 */
export class EventWatcher {
  private readonly seen = new Map<string, number>();
  private readonly waiters = new Map<string, ((t: number) => void)[]>();

  static async connect(
    phase: Phase,
    subjects: string[],
    keyOf: (subject: string, data: Record<string, unknown>) => string | undefined,
  ): Promise<EventWatcher> {
    const bus = await EventBus.connect({
      servers: phase.infra.urls.NATS_URL,
      service: "bench",
      log: createLogger("bench", "warn"),
    });
    const watcher = new EventWatcher();
    phase.resources.add("event watcher", () => bus.close());
    const decoder = new TextDecoder();
    for (const subject of subjects) {
      bus.nc.subscribe(subject, {
        callback: (err, msg) => {
          if (err) return;
          const at = performance.now();
          const envelope = JSON.parse(decoder.decode(msg.data)) as {
            data: Record<string, unknown>;
          };
          const key = keyOf(subject, envelope.data);
          if (key) watcher.record(key, at);
        },
      });
    }
    await bus.nc.flush();
    return watcher;
  }

  private record(key: string, at: number): void {
    if (this.seen.has(key)) return;
    this.seen.set(key, at);
    for (const resolve of this.waiters.get(key) ?? []) resolve(at);
    this.waiters.delete(key);
  }

  at(key: string): number | undefined {
    return this.seen.get(key);
  }

  /** When the event arrived, or undefined after `timeoutMs`. */
  wait(key: string, timeoutMs: number): Promise<number | undefined> {
    const at = this.seen.get(key);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(key) ?? [];
        this.waiters.set(
          key,
          list.filter((f) => f !== done),
        );
        resolve(undefined);
      }, timeoutMs);
      const done = (t: number) => {
        clearTimeout(timer);
        resolve(t);
      };
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), done]);
    });
  }
}

/** Freezes a service's processes (SIGSTOP) until the returned function resumes them (SIGCONT). */
export function pauseService(phase: Phase, name: ServiceName): () => void {
  const pids = ourServerPids(`${name} :`);
  for (const pid of pids) process.kill(pid, "SIGSTOP");
  let resumed = false;
  const resume = () => {
    if (resumed) return;
    resumed = true;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {}
    }
  };
  // A frozen process cannot take the SIGTERM that stops it: resume first, whatever happens.
  phase.resources.add(`${name} (resume)`, async () => resume());
  return resume;
}

/**
 * Waits (at most `maxMs`) until the run's servers are idle: what setup set off (welcome emails,
 * replicas filling, outbox sweeps) must not run into the measurement.
 */
export async function settle(ctx: RunContext, maxMs = 60_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  let busy = 0;
  while (performance.now() < deadline) {
    const meter = startCpuMeter();
    await new Promise((r) => setTimeout(r, 1_000));
    const usage = meter.stop();
    const servers = usage.byProcess.filter((p) => !p.process.startsWith("bench"));
    busy = servers.reduce((sum, p) => sum + p.cpuSeconds, 0) / usage.wallSeconds;
    if (busy < 0.15) return;
  }
  ctx.say(
    `  (servers still ${Math.round(busy * 100)}% busy after ${maxMs / 1000} s; measuring anyway)`,
  );
}
