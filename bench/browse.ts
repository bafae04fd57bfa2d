/**
 * Figure 3: the landing page's filtered, sorted query (tickets.list, city + date order, one
 * page of 24) at two catalogue sizes, and the server-rendered landing page's requests/second.
 */
import http from "node:http";
import type { ListListingsInput } from "../packages/api-contracts/src/index";
import { TicketModel } from "../services/tickets/src/models/ticket";
import { type CpuUsage, startCpuMeter } from "./cpu";
import { type demoListings, insertListings } from "./data";
import { type Phase, pauseService, profileWindow, type RunContext } from "./harness";
import { type HttpLoadResult, httpLoad, round, type Summary, summarize } from "./load";
import { type FigureResult, ms } from "./report";

export const BROWSE_QUERY: ListListingsInput = { city: "London", sort: "date", limit: 24 };

export type BrowseAt = {
  listings: number;
  /** Every call's time, answered or not. */
  queryMs: Summary;
  /** Calls that failed (on FerretDB at 100,000 listings: the service's 30 s database timeout). */
  failed: number;
  errors: string[];
  landing?: HttpLoadResult;
  landingCpu?: CpuUsage;
  explain: unknown;
};

function timedGet(agent: http.Agent, url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (body.length < 2_000) body += chunk;
      });
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(performance.now() - t0)
          : reject(
              new Error(
                `HTTP ${res.statusCode} after ${Math.round(performance.now() - t0)} ms: ${body.slice(0, 200)}`,
              ),
            ),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

/** The query as the tickets service runs it (procedures/list.ts), for the database's explain. */
async function explainBrowse(): Promise<unknown> {
  const plan = await TicketModel.find({
    status: "available",
    deletedAt: null,
    eventDate: { $gt: new Date() },
    cityKey: "london",
  })
    .sort({ eventDate: 1, _id: 1 })
    .limit(25)
    .select({ outbox: 0, searchTerms: 0 })
    .explain();
  return plan;
}

/**
 * tickets.list on the service, one call at a time: `samples` calls, but none started after
 * `maxMs` (always at least one); then, if `landingMs`, the landing page under load.
 */
export async function measureBrowse(
  phase: Phase,
  listings: number,
  opts: { warmUp: number; samples: number; maxMs: number; timeoutMs: number; landingMs?: number },
): Promise<BrowseAt> {
  const url = `${phase.stack.urls.tickets}/trpc/list?input=${encodeURIComponent(JSON.stringify(BROWSE_QUERY))}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const errors: string[] = [];
  try {
    for (let i = 0; i < opts.warmUp; i++) await timedGet(agent, url, opts.timeoutMs);
    const deadline = performance.now() + opts.maxMs;
    do {
      const t0 = performance.now();
      try {
        latencies.push(await timedGet(agent, url, opts.timeoutMs));
      } catch (err) {
        latencies.push(performance.now() - t0);
        errors.push(err instanceof Error ? err.message : String(err));
      }
    } while (latencies.length < opts.samples && performance.now() < deadline);
  } finally {
    agent.destroy();
  }
  const result: BrowseAt = {
    listings,
    queryMs: summarize(latencies),
    failed: errors.length,
    errors: errors.slice(0, 3),
    explain: await explainBrowse(),
  };
  if (!opts.landingMs) return result;
  const web = phase.stack.urls.web;
  if (!web) throw new Error("the web app is not running");
  // A short warm-up, then the measured window.
  await httpLoad(`${web}/`, { concurrency: 2, durationMs: 2_000, maxRequests: 100 });
  const meter = startCpuMeter();
  result.landing = await httpLoad(`${web}/`, {
    concurrency: 8,
    durationMs: opts.landingMs,
    maxRequests: 20_000,
    headers: { accept: "text/html" },
  });
  result.landingCpu = meter.stop();
  return result;
}

export function browseRatios(small: BrowseAt, large: BrowseAt) {
  return {
    p50: round(large.queryMs.p50 / small.queryMs.p50, 2),
    p95: round(large.queryMs.p95 / small.queryMs.p95, 2),
  };
}

/**
 * Measures at `small` listings (already in the store), adds the rest of `catalogue`, and
 * measures again. The tickets service is paused (SIGSTOP) while the bulk insert runs: on
 * FerretDB its outbox sweep scans the whole collection every 2 s and would triple the insert time.
 */
export async function browseFigure(
  ctx: RunContext,
  phase: Phase,
  seller: { id: string; name: string },
  catalogue: ReturnType<typeof demoListings>,
  small: number,
): Promise<FigureResult> {
  const large = catalogue.length;
  let profiling = profileWindow(ctx, phase, `browse-${small}`);
  const atSmall = await measureBrowse(phase, small, {
    warmUp: 3,
    samples: 100,
    maxMs: ctx.quick ? 10_000 : 30_000,
    timeoutMs: 60_000,
    landingMs: ctx.quick ? 4_000 : 10_000,
  });
  await profiling.end();
  ctx.say(
    `  browse @${small}: query p50 ${ms(atSmall.queryMs.p50)}, p95 ${ms(atSmall.queryMs.p95)}; landing page ${atSmall.landing?.rps} req/s`,
  );

  const t0 = performance.now();
  const resume = pauseService(phase, "tickets");
  try {
    await insertListings(seller, catalogue.slice(small));
  } finally {
    resume();
  }
  const insertSeconds = round((performance.now() - t0) / 1000, 1);
  ctx.say(`  inserted ${large - small} more listings in ${insertSeconds} s`);

  // On a store that scans, one call can take minutes here: few samples, bounded in time.
  profiling = profileWindow(ctx, phase, `browse-${large}`);
  const atLarge = await measureBrowse(phase, large, {
    warmUp: 0,
    samples: ctx.quick ? 3 : 2,
    maxMs: ctx.quick ? 30_000 : 60_000,
    timeoutMs: 300_000,
  });
  await profiling.end();
  ctx.say(
    `  browse @${large}: query p50 ${ms(atLarge.queryMs.p50)}, p95 ${ms(atLarge.queryMs.p95)} (${atLarge.queryMs.n} calls, ${atLarge.failed} failed${atLarge.failed ? `: ${atLarge.errors[0]}` : ""})`,
  );
  const ratio = browseRatios(atSmall, atLarge);
  // A failed call took at least this long: the ratio is then a lower bound.
  const atLeast = atLarge.failed > 0 ? ">= " : "";
  const k = (n: number) => `${n / 1000}k`;
  return {
    id: "browse",
    rows: [
      {
        figure: `3. Browse query (city + date, 24) p50 / p95 @ ${k(small)} listings`,
        value: `${ms(atSmall.queryMs.p50)} / ${ms(atSmall.queryMs.p95)}`,
        target: "-",
        met: null,
      },
      {
        figure: `3. Browse query p50 / p95 @ ${k(large)} listings (${atLarge.queryMs.n} calls)`,
        value:
          atLarge.failed > 0
            ? `${atLarge.failed}/${atLarge.queryMs.n} failed after ${ms(atLarge.queryMs.p50)} (timeout)`
            : `${ms(atLarge.queryMs.p50)} / ${ms(atLarge.queryMs.p95)}`,
        target: "-",
        met: null,
      },
      {
        figure: `3. Browse query ratio ${k(large)} / ${k(small)} (p50, p95)`,
        value: `${atLeast}x${ratio.p50}, ${atLeast}x${ratio.p95}`,
        target: "<= x1.3",
        met: ratio.p50 <= 1.3 && ratio.p95 <= 1.3,
      },
      {
        figure: `3. Landing page (SSR, 8 connections) @ ${k(small)} listings`,
        value: `${atSmall.landing?.rps} req/s (p50 ${ms(atSmall.landing?.latency.p50 ?? Number.NaN)})`,
        target: "-",
        met: null,
      },
    ],
    details: {
      query: "tickets.list {city: London, sort: date, limit: 24}, one call at a time",
      atSmall,
      atLarge,
      ratio,
      bulkInsertSeconds: insertSeconds,
    },
  };
}
