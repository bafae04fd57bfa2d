/**
 * Figure 4: ticket.created, from the moment NATS has it to the moment the orders service's
 * replica holds the listing. Listings are created one at a time so that each is measured alone.
 */
import type { AuthSession } from "../packages/api-contracts/src/index";
import { database } from "./data";
import { timeFromCreated } from "./from-created";
import type { EventWatcher, Phase, RunContext } from "./harness";
import { summarize } from "./load";
import { type FigureResult, ms } from "./report";

export async function propagationFigure(
  ctx: RunContext,
  phase: Phase,
  watcher: EventWatcher,
  seller: AuthSession,
): Promise<FigureResult> {
  const samples = ctx.quick ? 40 : 200;
  const replicas = database("tx_orders").collection<{ _id: string }>("ticketreplicas");
  const pollCycles: number[] = [];
  const {
    missed,
    fromPublishMs: s,
    fromCreateReturnMs: r,
    cpu,
  } = await timeFromCreated(phase, watcher, seller, {
    samples,
    name: (i) => `Propagation ${i}`,
    // Read the replica as often as one query allows; the document was there when the
    // successful read was sent, so that send time is the (slightly late) arrival estimate.
    arrival: async (id) => {
      const deadline = performance.now() + 10_000;
      while (performance.now() < deadline) {
        const sent = performance.now();
        const found = await replicas.findOne({ _id: id }, { projection: { _id: 1 } });
        pollCycles.push(performance.now() - sent);
        if (found) return sent;
      }
      return undefined;
    },
  });
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
