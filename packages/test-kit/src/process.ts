import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

export type ManagedProcess = {
  name: string;
  readonly pid: number;
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** SIGKILL at once: the crash the tests simulate. */
  kill: () => Promise<void>;
  isRunning: () => boolean;
};

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave our servers behind, even when the parent dies on an error.
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

export type SpawnOptions = {
  env?: Record<string, string | undefined>;
  cwd?: string;
  logDir: string;
  /** Also copy output to this process's stdout/stderr (for the dev command). */
  inherit?: boolean;
  /** Run as this user (PostgreSQL refuses root). */
  user?: { uid: number; gid: number };
};

/** Spawns a server whose output goes to <logDir>/<name>.log. Stopped only by its own PID. */
export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  opts: SpawnOptions,
): ManagedProcess {
  installExitHook();
  mkdirSync(opts.logDir, { recursive: true });
  const log = createWriteStream(path.join(opts.logDir, `${name}.log`), { flags: "a" });
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
    ...opts.user,
  });
  running.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  if (opts.inherit) {
    child.stdout?.pipe(process.stdout, { end: false });
    child.stderr?.pipe(process.stderr, { end: false });
  }
  let alive = true;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      alive = false;
      running.delete(child);
      resolve(code);
    });
    child.once("error", (err) => {
      alive = false;
      running.delete(child);
      log.write(`spawn failed: ${err.message}\n`);
      resolve(null);
    });
  });
  const signal = async (sig: NodeJS.Signals, graceMs: number) => {
    if (!alive) return;
    child.kill(sig);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    name,
    get pid() {
      return child.pid ?? -1;
    },
    exited,
    stop: (graceMs = 10_000) => signal("SIGTERM", graceMs),
    kill: () => signal("SIGKILL", 0),
    isRunning: () => alive,
  };
}
