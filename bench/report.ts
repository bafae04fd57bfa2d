/** The figures' rows, the printed table and the JSON file. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../packages/test-kit/src/index";

export type Row = {
  figure: string;
  value: string;
  target: string;
  /** null: no target (reported for information). */
  met: boolean | null;
};

export type FigureResult = {
  id: FigureId;
  rows: Row[];
  /** Raw numbers and evidence, for the JSON file. */
  details: Record<string, unknown>;
};

export const figureIds = [
  "race",
  "throughput",
  "browse",
  "propagation",
  "expiry",
  "gateway",
  "page",
  "live",
  "matching",
] as const;
export type FigureId = (typeof figureIds)[number];

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : "n/a");

export function printTable(rows: Row[]): string {
  const header: Row = { figure: "figure", value: "value", target: "target", met: null };
  const metText = (r: Row) => (r === header ? "met?" : r.met === null ? "-" : r.met ? "yes" : "NO");
  const all = [header, ...rows];
  const w = {
    figure: Math.max(...all.map((r) => r.figure.length)),
    value: Math.max(...all.map((r) => r.value.length)),
    target: Math.max(...all.map((r) => r.target.length)),
  };
  const line = (r: Row) =>
    `| ${r.figure.padEnd(w.figure)} | ${r.value.padEnd(w.value)} | ${r.target.padEnd(w.target)} | ${metText(r).padEnd(4)} |`;
  const rule = `|${"-".repeat(w.figure + 2)}|${"-".repeat(w.value + 2)}|${"-".repeat(w.target + 2)}|------|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit: gitCommit(),
  };
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot })
      .toString()
      .trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: repoRoot })
      .toString()
      .trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return "unknown";
  }
}

/** bench/results/<timestamp>.json and bench/results/latest.json. */
export function writeResults(report: Record<string, unknown>, startedAt: Date): string {
  const dir = path.join(repoRoot, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replaceAll(":", "-")}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(path.join(dir, "latest.json"), text);
  return file;
}
