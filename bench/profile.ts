/** Reads the .cpuprofile files that --profile makes and names each process's hottest frames. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../packages/test-kit/src/index";
import { round } from "./load";

type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type ProfileSummary = {
  file: string;
  process: string;
  busyMs: number;
  wallMs: number;
  topFrames: { frame: string; selfMs: number; percentOfBusy: number }[];
  topModules: { module: string; selfMs: number; percentOfBusy: number }[];
};

const IDLE = new Set(["(idle)", "(program)", "(garbage collector)", "(root)"]);
/** Native frames of the profiler's own inspector session (stopping it serialises the profile). */
const PROFILER = new Set(["dispatch"]);

function shortUrl(url: string): string {
  const u = url.replace(/^file:\/\//, "");
  const nm = u.lastIndexOf("node_modules/");
  if (nm >= 0) return u.slice(nm + "node_modules/".length);
  return u.startsWith(repoRoot) ? path.relative(repoRoot, u) : u;
}

function moduleOf(url: string): string {
  if (!url) return "(native / V8)";
  if (url.startsWith("node:")) return url;
  const short = shortUrl(url);
  if (url.includes("node_modules/")) {
    const parts = short.split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? short);
  }
  return short.split("/").slice(0, 2).join("/");
}

/** Which process wrote a profile: the service or app whose own files it ran most. */
function processOf(profile: CpuProfile): string {
  const counts = new Map<string, number>();
  for (const n of profile.nodes) {
    const m =
      /\/(services\/[a-z]+|apps\/web)\//.exec(n.callFrame.url) ??
      /\/(next)\/dist\//.exec(n.callFrame.url);
    if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "(launcher)";
}

export function summarizeProfiles(dir: string, top = 12): ProfileSummary[] {
  if (!existsSync(dir)) return [];
  const out: ProfileSummary[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    const frames = new Map<string, number>();
    const modules = new Map<string, number>();
    let busy = 0;
    for (const [id, us] of self) {
      const node = byId.get(id);
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (IDLE.has(functionName) || (!url && PROFILER.has(functionName))) continue;
      busy += us;
      const frame =
        `${functionName || "(anonymous)"} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`.trim();
      frames.set(frame, (frames.get(frame) ?? 0) + us);
      const mod = moduleOf(url);
      modules.set(mod, (modules.get(mod) ?? 0) + us);
    }
    if (busy < 200_000) continue; // under 0.2 s of work: a launcher or an idle process
    const rank = (m: Map<string, number>) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, us]) => ({
          name,
          selfMs: round(us / 1000),
          percentOfBusy: round((us / busy) * 100),
        }));
    out.push({
      file,
      process: processOf(profile),
      busyMs: round(busy / 1000),
      wallMs: round((profile.endTime - profile.startTime) / 1000),
      topFrames: rank(frames).map(({ name, ...rest }) => ({ frame: name, ...rest })),
      topModules: rank(modules).map(({ name, ...rest }) => ({ module: name, ...rest })),
    });
  }
  return out.sort((a, b) => b.busyMs - a.busyMs);
}
