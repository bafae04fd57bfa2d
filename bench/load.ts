/** Load generation and statistics: every loop here is bounded in count and in time. */
import http from "node:http";
import { quantile } from "../packages/test-kit/src/index";

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

export function summarize(values: number[]): Summary {
  return {
    n: values.length,
    p50: round(quantile(values, 0.5)),
    p95: round(quantile(values, 0.95)),
    p99: round(quantile(values, 0.99)),
    max: round(values.length > 0 ? Math.max(...values) : Number.NaN),
  };
}

export const round = (v: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type LoopResult = { done: number; failed: number; elapsedMs: number; timedOut: boolean };

/**
 * Runs `task(i)` for i = 0..count-1 with at most `concurrency` in flight, and starts no new
 * task after `maxMs`. A task that throws counts as failed; the first few errors are kept.
 */
export async function bounded(
  opts: { count: number; concurrency: number; maxMs: number },
  task: (i: number) => Promise<void>,
  errors: string[] = [],
): Promise<LoopResult> {
  const started = performance.now();
  const deadline = started + opts.maxMs;
  let next = 0;
  let done = 0;
  let failed = 0;
  let timedOut = false;
  const worker = async () => {
    while (next < opts.count) {
      if (performance.now() > deadline) {
        timedOut = true;
        return;
      }
      const i = next++;
      try {
        await task(i);
        done++;
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.count) }, worker));
  return { done, failed, elapsedMs: performance.now() - started, timedOut };
}

/** Polls `probe` every `intervalMs` until it gives a value; undefined after `timeoutMs`. */
export async function poll<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number },
): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(intervalMs);
  }
  return undefined;
}

export type HttpLoadResult = {
  requests: number;
  ok: number;
  errors: number;
  elapsedMs: number;
  rps: number;
  latency: Summary;
  bytesPerResponse: number;
};

/**
 * A small autocannon: `concurrency` keep-alive connections, each sending GET `url` and reading
 * the whole body, until `durationMs` has passed or `maxRequests` were sent.
 */
export async function httpLoad(
  url: string,
  opts: {
    concurrency: number;
    durationMs: number;
    maxRequests: number;
    headers?: http.OutgoingHttpHeaders;
  },
): Promise<HttpLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(url, { agent, headers: opts.headers, timeout: 30_000 }, (res) => {
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
        });
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          if (res.statusCode === 200) {
            ok++;
            bytes += size;
          } else errors++;
          resolve();
        });
        res.on("error", () => {
          errors++;
          resolve();
        });
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const worker = async () => {
    while (performance.now() < deadline && sent < opts.maxRequests) {
      sent++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    requests: sent,
    ok,
    errors,
    elapsedMs: round(elapsedMs),
    rps: round((ok / elapsedMs) * 1000),
    latency: summarize(latencies),
    bytesPerResponse: ok > 0 ? Math.round(bytes / ok) : 0,
  };
}
