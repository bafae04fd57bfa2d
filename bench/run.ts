/**
 * The benchmark: `pnpm bench [--quick] [--only <figure,...>] [--profile] [--keep]`.
 * Starts the real stack with the test-kit harness (fresh servers and data for each group of
 * figures), measures, prints a table and writes bench/results/<timestamp>.json and latest.json.
 * Each figure and its baseline are measured in the same run, so their ratio holds on a noisy machine.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  type AuthSession,
  type ServiceName,
  serviceNames,
} from "../packages/api-contracts/src/index";
import { ferretdbBackendSetting, type StackOptions } from "../packages/test-kit/src/index";
import { browseFigure } from "./browse";
import { connectStore, demoListings, insertListings, registerUsers } from "./data";
import { expiryFigure, holdSeconds } from "./expiry";
import { gatewayFigure } from "./gateway";
import {
  EventWatcher,
  ensureWebBuild,
  type Phase,
  profileSummaries,
  profileWindow,
  type Resources,
  type RunContext,
  settle,
  startPhase,
} from "./harness";
import { liveFigure } from "./live";
import { round } from "./load";
import { matchingFigure } from "./matching";
import { pageFigure } from "./page";
import { propagationFigure } from "./propagation";
import { raceFigure } from "./race";
import {
  type FigureId,
  type FigureResult,
  figureIds,
  machine,
  printTable,
  type Row,
  writeResults,
} from "./report";
import { throughputFigure, throughputRun, watchKey } from "./throughput";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "mongo-pool": { type: "string" },
    backend: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(
    `pnpm bench [--quick] [--only ${figureIds.join(",")}] [--profile] [--keep]\n` +
      "  --quick    smaller counts, for a smoke check (a few minutes)\n" +
      "  --only     run only these figures (comma-separated)\n" +
      "  --profile  run the services and the web app with --cpu-prof and print their hottest frames\n" +
      "  --keep     keep the servers' data, logs and profiles (kept anyway when a figure fails)\n" +
      "  --mongo-pool N  give each service process N MongoDB connections (MONGO_POOL_SIZE) instead of its default\n" +
      "  --backend sqlite|postgresql  FerretDB's storage (default: TX_FERRETDB_BACKEND, else sqlite)\n",
  );
  process.exit(0);
}

const selected = new Set<FigureId>(
  args.only
    ? args.only.split(",").map((s) => {
        const id = s.trim() as FigureId;
        if (!figureIds.includes(id)) {
          process.stderr.write(`unknown figure "${s}"; known: ${figureIds.join(", ")}\n`);
          process.exit(2);
        }
        return id;
      })
    : figureIds,
);

const say = (line: string) => process.stdout.write(`${line}\n`);
const runDir = mkdtempSync(path.join(os.tmpdir(), "tx-bench-"));
// PostgreSQL runs as its own user when we are root: it must reach its data folder in here.
chmodSync(runDir, 0o755);
const ctx: RunContext = {
  runDir,
  quick: args.quick,
  backend: ferretdbBackendSetting(args.backend),
  profile: args.profile,
  mongoPool: args["mongo-pool"] ? Number(args["mongo-pool"]) : undefined,
  say,
};
const startedAt = new Date();
const results: FigureResult[] = [];
const failures: { figure: string; error: string }[] = [];
let current: Resources | undefined;

if (ctx.mongoPool) say(`services get ${ctx.mongoPool} MongoDB connections each (MONGO_POOL_SIZE)`);

// Ctrl-C: stop what this run started (by its handles), then leave.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`\n${signal}: stopping what the benchmark started`);
    void (current?.releaseAll() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function measure(
  id: FigureId,
  run: () => Promise<FigureResult>,
  phase?: Phase,
): Promise<void> {
  if (!selected.has(id)) return;
  const t0 = performance.now();
  const profiling = phase ? profileWindow(ctx, phase, id) : undefined;
  try {
    const result = await run();
    await profiling?.end();
    result.details.seconds = round((performance.now() - t0) / 1000, 1);
    results.push(result);
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    failures.push({ figure: id, error });
    say(`  ${id} FAILED: ${error}`);
  }
}

/** Starts a group's servers, runs its figures, and stops everything it started, even on failure. */
async function group(
  name: string,
  ids: FigureId[],
  services: readonly ServiceName[],
  opts: { web?: boolean; env?: Record<string, string>; replicas?: StackOptions["replicas"] },
  body: (phase: Phase) => Promise<void>,
): Promise<void> {
  if (!ids.some((id) => selected.has(id))) return;
  say(`\n== ${name} (${ids.filter((id) => selected.has(id)).join(", ")})`);
  let phase: Phase | undefined;
  try {
    if (opts.web) await ensureWebBuild(ctx);
    phase = await startPhase(ctx, name, { services, ...opts });
    current = phase.resources;
    await body(phase);
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    for (const id of ids.filter((i) => selected.has(i) && !results.some((r) => r.id === i))) {
      if (!failures.some((f) => f.figure === id)) failures.push({ figure: id, error });
    }
    say(`  ${name} FAILED: ${error}`);
  } finally {
    await phase?.resources.releaseAll();
    current = undefined;
  }
}

say(
  `Ticket Exchange benchmark${ctx.quick ? " (quick)" : ""}: ${os.cpus().length} CPUs, Node ${process.version}, FerretDB on ${ctx.backend}, load average ${os.loadavg()[0]?.toFixed(1)}; servers' data in ${ctx.runDir}`,
);

// Figures 1 and 4: the whole stack, as a purchase runs in production, with two processes of
// orders: the race is decided by the database, not inside one process.
await group(
  "purchase",
  ["race", "propagation"],
  serviceNames,
  { replicas: { orders: 2 } },
  async (phase) => {
    await connectStore(phase);
    const watcher = await EventWatcher.connect(phase, ["ticket.created"], watchKey);
    const buyerCount = selected.has("race") ? (ctx.quick ? 50 : 200) : 1;
    const t0 = performance.now();
    const [seller, ...buyers] = (await registerUsers(phase.stack, "bench", buyerCount + 1)) as [
      AuthSession,
      ...AuthSession[],
    ];
    say(
      `  registered ${buyerCount + 1} users in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await settle(ctx);
    await measure("race", () => raceFigure(ctx, phase, seller, buyers), phase);
    await measure("propagation", () => propagationFigure(ctx, phase, watcher, seller), phase);
  },
);

// Figure 2: one fresh stack per configuration, so both start from the same data.
const throughputRuns: Awaited<ReturnType<typeof throughputRun>>[] = [];
for (const replicas of [1, 2] as const) {
  await group(
    `throughput-${replicas}`,
    ["throughput"],
    serviceNames,
    { replicas },
    async (phase) => {
      throughputRuns.push(await throughputRun(ctx, phase, replicas));
    },
  );
}
const [one, two] = throughputRuns;
if (one && two) await measure("throughput", async () => throughputFigure(one, two));

// Figure 5: its own stack, with short holds.
await group(
  "expiry",
  ["expiry"],
  ["auth", "tickets", "orders", "expiration"],
  { env: { ORDER_HOLD_SECONDS: String(holdSeconds(ctx.quick)) } },
  async (phase) => {
    await connectStore(phase);
    const [seller, ...buyers] = (await registerUsers(phase.stack, "expiry", 9)) as [
      AuthSession,
      ...AuthSession[],
    ];
    await measure("expiry", () => expiryFigure(ctx, phase, seller, buyers), phase);
  },
);

// Figures 6, 7, 8, 9, 3: the web app over the tickets service, at 1,000 listings, then at 100,000.
await group(
  "web",
  ["gateway", "page", "live", "matching", "browse"],
  ["auth", "tickets"],
  { web: true },
  async (phase) => {
    await connectStore(phase);
    const [seller] = (await registerUsers(phase.stack, "web", 1)) as [AuthSession];
    const small = 1_000;
    const large = ctx.quick ? 10_000 : 100_000;
    const catalogue = demoListings(large);
    const sellerRef = { id: seller.user.id, name: seller.user.name };
    const t0 = performance.now();
    await insertListings(sellerRef, catalogue.slice(0, small));
    say(`  inserted ${small} listings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await settle(ctx, 20_000);

    await measure("gateway", () => gatewayFigure(ctx, phase), phase);
    await measure("page", () => pageFigure(ctx, phase), phase);
    if (selected.has("live")) {
      const watcher = await EventWatcher.connect(phase, ["ticket.created"], watchKey);
      await measure("live", () => liveFigure(ctx, phase, watcher, seller), phase);
    }
    await measure("matching", () => matchingFigure(ctx));
    await measure("browse", () => browseFigure(ctx, phase, sellerRef, catalogue, small));
  },
);

// The report.
const order = new Map(figureIds.map((id, i) => [id, i]));
results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
const rows: Row[] = results.flatMap((r) => r.rows);
for (const f of failures) {
  rows.push({
    figure: `${f.figure}: not measured`,
    value: "error (see log)",
    target: "-",
    met: false,
  });
}
const finishedAt = new Date();
const table = printTable(rows);
say(`\n${table}\n`);
const background = backgroundLoad(results);
if (background.wallSeconds > 0) {
  say(
    `Other load on the machine during the measurements: ${background.percentOfOneCore}% of one core on average (worst: ${background.worst}); ${os.cpus().length} cores = ${os.cpus().length * 100}%.`,
  );
}
const file = writeResults(
  {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: round((finishedAt.getTime() - startedAt.getTime()) / 1000, 1),
    quick: ctx.quick,
    only: args.only ?? null,
    mongoPool: ctx.mongoPool ?? null,
    ferretdbBackend: ctx.backend,
    loadAverageAtStart: os.loadavg(),
    machine: machine(),
    notes: [
      `FerretDB 1.x (on ${ctx.backend}, with our patches) stands in for MongoDB locally and uses no index but _id for filters, none for sorts.`,
      "Services run with LOG_LEVEL=warn. Bulk listings for figure 3 are inserted straight into tx_tickets.tickets with the tickets service's document shape (no ticket.created events).",
    ],
    table: rows,
    background,
    figures: results,
    failures,
    ...(ctx.profile ? { profiles: profileSummaries } : {}),
  },
  startedAt,
);
say(`results: ${path.relative(process.cwd(), file)} (and bench/results/latest.json)`);
if (args.keep || args.profile || failures.length > 0) {
  say(`servers' data, logs and profiles kept in ${ctx.runDir}`);
} else {
  // The servers' data can be hundreds of MB; their logs stay for a look afterwards.
  for (const phase of readdirSync(ctx.runDir, { withFileTypes: true })) {
    if (!phase.isDirectory()) continue;
    for (const entry of readdirSync(path.join(ctx.runDir, phase.name))) {
      if (entry !== "logs")
        rmSync(path.join(ctx.runDir, phase.name, entry), { recursive: true, force: true });
    }
  }
  say(`servers' logs kept in ${ctx.runDir}`);
}
say(`finished in ${((finishedAt.getTime() - startedAt.getTime()) / 60_000).toFixed(1)} min`);
process.exit(failures.length > 0 ? 1 : 0);

/** CPU that processes outside this run used while figures were measured (from their meters). */
function backgroundLoad(figures: FigureResult[]) {
  let wall = 0;
  let others = 0;
  let worst = { label: "-", percent: 0 };
  const visit = (label: string, value: unknown) => {
    if (!value || typeof value !== "object") return;
    const v = value as Record<string, unknown>;
    if (typeof v.othersCpuSeconds === "number" && typeof v.wallSeconds === "number") {
      wall += v.wallSeconds;
      others += v.othersCpuSeconds;
      const percent = Math.round((v.othersCpuSeconds / v.wallSeconds) * 100);
      if (percent > worst.percent) worst = { label, percent };
      return;
    }
    for (const child of Object.values(v)) visit(label, child);
  };
  for (const f of figures) visit(f.id, f.details);
  return {
    wallSeconds: round(wall, 1),
    percentOfOneCore: wall > 0 ? Math.round((others / wall) * 100) : 0,
    worst: `${worst.percent}% during ${worst.label}`,
  };
}
