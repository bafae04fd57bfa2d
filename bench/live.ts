/**
 * Figure 8: live availability, from the moment NATS has a ticket.created to the moment an
 * open landing page's stream delivers it (tickets.live over server-sent events, through the
 * web app's proxy, as the browser reads it). Listings are created one at a time.
 */
import type { AuthSession } from "../packages/api-contracts/src/index";
import { timeFromCreated } from "./from-created";
import type { EventWatcher, Phase, RunContext } from "./harness";
import { type FigureResult, ms } from "./report";

type Arrival = { id: string; at: number };

/** An open stream of tickets.live at `url`: each data event's listing id and arrival time. */
async function openStream(url: string, input: unknown) {
  const abort = new AbortController();
  const res = await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (!res.ok || !res.body) throw new Error(`tickets.live answered ${res.status}`);
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, (a: Arrival) => void>();
  let connected: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    connected = resolve;
  });
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const at = performance.now();
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        if (block.includes("event: connected")) connected();
        const data = block
          .split("\n")
          .find((line) => line.startsWith("data: ") && !block.includes("event:"));
        if (!data) continue;
        const { id } = JSON.parse(data.slice(6)) as { id: string };
        arrivals.set(id, at);
        waiters.get(id)?.({ id, at });
      }
    }
  })().catch(() => undefined);
  await ready;
  return {
    /** When the listing's event arrived on the stream, waiting up to `timeoutMs`. */
    arrival: (id: string, timeoutMs: number): Promise<number | undefined> => {
      const known = arrivals.get(id);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), timeoutMs);
        waiters.set(id, (a) => {
          clearTimeout(timer);
          resolve(a.at);
        });
      });
    },
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

export async function liveFigure(
  ctx: RunContext,
  phase: Phase,
  watcher: EventWatcher,
  seller: AuthSession,
): Promise<FigureResult> {
  const samples = ctx.quick ? 40 : 200;
  const web = phase.stack.urls.web;
  if (!web) throw new Error("the live figure needs the web app");
  const word = `Livebench${Date.now()}`;
  // An open landing page searching for the word: each new listing with it is announced.
  const stream = await openStream(`${web}/api/trpc/tickets/live`, {
    ids: [],
    search: { q: word },
  });
  let result: Awaited<ReturnType<typeof timeFromCreated>>;
  try {
    result = await timeFromCreated(phase, watcher, seller, {
      samples,
      name: (i) => `${word} ${i}`,
      arrival: (id) => stream.arrival(id, 10_000),
    });
  } finally {
    await stream.close();
  }
  const { missed, fromPublishMs: s, fromCreateReturnMs: r, cpu } = result;
  ctx.say(
    `  live: ticket.created -> open page's stream p50 ${ms(s.p50)}, p99 ${ms(s.p99)} (${missed} missed)`,
  );
  return {
    id: "live",
    rows: [
      {
        figure: `8. Live availability ticket.created -> open page's stream p50 / p99 (${samples} events, via the web proxy)`,
        value: `${ms(s.p50)} / ${ms(s.p99)}`,
        target: "p99 < 1,000 ms",
        met: missed === 0 && s.p99 < 1_000,
      },
    ],
    details: {
      samples,
      missed,
      method:
        "a tickets.live stream opened through the web app's /api/trpc proxy with search {q}; NATS subscription time of ticket.created (server delivery = publish) to the arrival of the stream's event announcing that listing",
      fromPublishMs: s,
      fromCreateReturnMs: r,
      cpu,
    },
  };
}
