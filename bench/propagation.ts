/**
 * Figure 4: ticket.created, from the moment NATS has it to the moment the orders service's
 * replica holds the listing. Listings are created one at a time so that each is measured alone.
 */
import type { AuthSession, Listing } from "../packages/api-contracts/src/index";
import { trpcMutation } from "../packages/test-kit/src/index";
import { startCpuMeter } from "./cpu";
import { database, demoListings } from "./data";
import type { EventWatcher, Phase, RunContext } from "./harness";
import { sleep, summarize } from "./load";
import { type FigureResult, ms } from "./report";

export async function propagationFigure(
  ctx: RunContext,
  phase: Phase,
  watcher: EventWatcher,
  seller: AuthSession,
): Promise<FigureResult> {
  const samples = ctx.quick ? 40 : 200;
  const replicas = database("tx_orders").collection<{ _id: string }>("ticketreplicas");
  const inputs = demoListings(samples);
  const fromPublish: number[] = [];
  const fromReturn: number[] = [];
  const pollCycles: number[] = [];
  let missed = 0;
  const meter = startCpuMeter();

  for (let i = 0; i < samples; i++) {
    const res = await trpcMutation<Listing>(
      phase.stack.urls.tickets,
      "create",
      { ...inputs[i], eventName: `Propagation ${i}` },
      seller.accessToken,
    );
    const returned = performance.now();
    if (!res.data) throw new Error(`tickets.create: ${res.error?.message}`);
    const id = res.data.id;
    // The relay publishes before create returns, so the event is normally already here.
    const published = await watcher.wait(`ticket.created:${id}`, 10_000);
    // Read the replica as often as one query allows; the document was there when the
    // successful read was sent, so that send time is the (slightly late) arrival estimate.
    let seen: number | undefined;
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      const sent = performance.now();
      const found = await replicas.findOne({ _id: id }, { projection: { _id: 1 } });
      pollCycles.push(performance.now() - sent);
      if (found) {
        seen = sent;
        break;
      }
    }
    if (seen === undefined || published === undefined) {
      missed++;
      continue;
    }
    fromPublish.push(Math.max(0, seen - published));
    fromReturn.push(Math.max(0, seen - returned));
    await sleep(10);
  }

  const cpu = meter.stop();
  const s = summarize(fromPublish);
  const r = summarize(fromReturn);
  const cycle = summarize(pollCycles);
  ctx.say(
    `  propagation: ticket.created -> orders replica p50 ${ms(s.p50)}, p99 ${ms(s.p99)} (${missed} missed)`,
  );
  return {
    id: "propagation",
    rows: [
      {
        figure: `4. Event propagation ticket.created -> orders replica p50 / p99 (${samples} events)`,
        value: `${ms(s.p50)} / ${ms(s.p99)}`,
        target: "p99 < 50 ms",
        met: missed === 0 && s.p99 < 50,
      },
    ],
    details: {
      samples,
      missed,
      method:
        "NATS subscription time of ticket.created (server delivery = publish) to the send time of the first read of tx_orders.ticketreplicas that finds the listing; reads back to back",
      fromPublishMs: s,
      fromCreateReturnMs: r,
      replicaReadCycleMs: cycle,
      cpu,
    },
  };
}
