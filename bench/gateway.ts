/**
 * Figure 6: the web app's same-origin tRPC route (/api/trpc/<service>/...) against the
 * service itself, for the same call. Calls alternate one by one on keep-alive connections,
 * so that noise on the machine falls on both sides alike.
 */
import http from "node:http";
import { startCpuMeter } from "./cpu";
import type { Phase, RunContext } from "./harness";
import { round, type Summary, summarize } from "./load";
import { type FigureResult, ms } from "./report";

function timedGet(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        else resolve(performance.now() - t0);
      });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

async function compare(
  direct: string,
  viaWeb: string,
  { samples, warmUp, maxMs }: { samples: number; warmUp: number; maxMs: number },
): Promise<{ direct: Summary; gateway: Summary; ratioP50: number; ratioP95: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  try {
    for (let i = 0; i < warmUp; i++) {
      await timedGet(agent, direct);
      await timedGet(agent, viaWeb);
    }
    const a: number[] = [];
    const b: number[] = [];
    const deadline = performance.now() + maxMs;
    for (let i = 0; i < samples && performance.now() < deadline; i++) {
      if (i % 2 === 0) {
        a.push(await timedGet(agent, direct));
        b.push(await timedGet(agent, viaWeb));
      } else {
        b.push(await timedGet(agent, viaWeb));
        a.push(await timedGet(agent, direct));
      }
    }
    const d = summarize(a);
    const g = summarize(b);
    return {
      direct: d,
      gateway: g,
      ratioP50: round(g.p50 / d.p50, 2),
      ratioP95: round(g.p95 / d.p95, 2),
    };
  } finally {
    agent.destroy();
  }
}

export async function gatewayFigure(ctx: RunContext, phase: Phase): Promise<FigureResult> {
  const web = phase.stack.urls.web;
  if (!web) throw new Error("the web app is not running");
  const samples = ctx.quick ? 100 : 500;
  // The proxy forwards only what a service declares browser-callable (issue 19): of tickets'
  // procedures that is the system ones and the live stream, so the figure times system.health
  // (a database ping and the bus's state), the same call on both sides.
  const health = "system.health";
  const tickets = phase.stack.urls.tickets;
  const meter = startCpuMeter();
  const call = await compare(`${tickets}/trpc/${health}`, `${web}/api/trpc/tickets/${health}`, {
    samples,
    warmUp: 30,
    maxMs: 60_000,
  });
  const cpu = meter.stop();
  ctx.say(
    `  gateway: tickets system.health direct p50 ${ms(call.direct.p50)}, via web ${ms(call.gateway.p50)} (x${call.ratioP50})`,
  );
  return {
    id: "gateway",
    rows: [
      {
        figure: "6. Gateway overhead, tickets system.health via /api/trpc vs direct (p50)",
        value: `x${call.ratioP50} (${ms(call.gateway.p50)} vs ${ms(call.direct.p50)})`,
        target: "<= x1.15",
        met: call.ratioP50 <= 1.15,
      },
    ],
    details: { ticketsHealth: call, cpu },
  };
}
