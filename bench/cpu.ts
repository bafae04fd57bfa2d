/**
 * CPU accounting from /proc: how many CPU-seconds each process of this run used during a
 * measurement, and how much went to processes that are not ours (other work on the machine).
 */
import { readdirSync, readFileSync } from "node:fs";
import { round } from "./load";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Proc = { pid: number; ppid: number; ticks: number; name: string };

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return { pid, ppid, ticks, name: comm };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** A readable name: the service a node process runs (with its port), or the server's name. */
function processName(p: Proc): string {
  if (p.pid === process.pid) return "bench (load generator)";
  let args = "";
  try {
    args = readFileSync(`/proc/${p.pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return p.name;
  }
  const service = /services\/([a-z]+)\/src\/main\.ts/.exec(args)?.[1];
  if (service) {
    let port = "";
    try {
      port = /(?:^|\0)PORT=(\d+)/.exec(readFileSync(`/proc/${p.pid}/environ`, "utf8"))?.[1] ?? "";
    } catch {}
    return port ? `${service} :${port}` : service;
  }
  if (p.name.startsWith("next-server") || args.includes("next/dist/bin/next"))
    return "web (next start)";
  if (p.name === "chromium" || args.includes("chromium")) return "chromium";
  return p.name;
}

type Snapshot = { at: number; machineBusy: number; procs: Map<number, Proc> };

function machineBusyTicks(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

function snapshot(): Snapshot {
  const procs = new Map<number, Proc>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const p = readProc(pid);
    if (p) procs.set(pid, p);
  }
  return { at: performance.now(), machineBusy: machineBusyTicks(), procs };
}

/** Processes descended from this one (what the run started), and this one. */
function ours(procs: Map<number, Proc>): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of procs.values()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const mine = new Set<number>();
  const stack = [process.pid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    mine.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return mine;
}

export type CpuUsage = {
  wallSeconds: number;
  /** All cores together; 2 cores for 10 s is 20. */
  machineCpuSeconds: number;
  oursCpuSeconds: number;
  /** CPU that processes outside this run used meanwhile: noise on the measurement. */
  othersCpuSeconds: number;
  byProcess: { process: string; cpuSeconds: number; percentOfOneCore: number }[];
};

export type CpuMeter = { stop: () => CpuUsage };

export function startCpuMeter(): CpuMeter {
  const before = snapshot();
  return {
    stop: () => {
      const after = snapshot();
      const wall = (after.at - before.at) / 1000;
      const mine = ours(after.procs);
      const byName = new Map<string, number>();
      let oursTicks = 0;
      for (const pid of mine) {
        const p = after.procs.get(pid);
        if (!p) continue;
        const used = p.ticks - (before.procs.get(pid)?.ticks ?? 0);
        oursTicks += used;
        const name = processName(p);
        byName.set(name, (byName.get(name) ?? 0) + used);
      }
      const machine = after.machineBusy - before.machineBusy;
      return {
        wallSeconds: round(wall, 2),
        machineCpuSeconds: round(machine / TICKS_PER_SECOND, 2),
        oursCpuSeconds: round(oursTicks / TICKS_PER_SECOND, 2),
        othersCpuSeconds: round(Math.max(0, machine - oursTicks) / TICKS_PER_SECOND, 2),
        byProcess: [...byName.entries()]
          .filter(([, t]) => t > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([name, t]) => ({
            process: name,
            cpuSeconds: round(t / TICKS_PER_SECOND, 2),
            percentOfOneCore: round((t / TICKS_PER_SECOND / wall) * 100, 1),
          })),
      };
    },
  };
}

/** One line for the log: the busiest processes and the machine's other load. */
export function cpuLine(u: CpuUsage): string {
  const top = u.byProcess
    .slice(0, 5)
    .map((p) => `${p.process} ${p.percentOfOneCore}%`)
    .join(", ");
  return `cpu (% of one core): ${top}; not ours ${round((u.othersCpuSeconds / u.wallSeconds) * 100, 0)}%`;
}

/** The services and web servers this run started (not their tsx launchers): whom to profile. */
export function ourServerPids(prefix?: string): number[] {
  const { procs } = snapshot();
  return [...ours(procs)].filter((pid) => {
    const p = procs.get(pid);
    if (!p || pid === process.pid) return false;
    const name = processName(p);
    if (prefix) return name.startsWith(prefix);
    return !name.startsWith("(tsx") && (/^[a-z]+ :\d+$/.test(name) || name === "web (next start)");
  });
}
