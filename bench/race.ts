/** Figure 1: the on-sale race. N buyers press Purchase on one listing at the same moment. */
import type { AuthSession, Order } from "../packages/api-contracts/src/index";
import { listTicket, ticketStatus, trpcMutation, waitFor } from "../packages/test-kit/src/index";
import { cpuLine, startCpuMeter } from "./cpu";
import type { Phase, RunContext } from "./harness";
import { summarize } from "./load";
import { type FigureResult, ms } from "./report";

export async function raceFigure(
  ctx: RunContext,
  phase: Phase,
  seller: AuthSession,
  buyers: AuthSession[],
): Promise<FigureResult> {
  const rounds = ctx.quick ? 3 : 20;
  const latencies: number[] = [];
  const perRound: { winners: number; conflicts: number; other: number; p99: number }[] = [];
  const unexpected: string[] = [];

  // Buyers alternate between the orders replicas: exactly one order must win across them.
  const replicas = phase.stack.replicaUrls.orders;
  let meter = startCpuMeter();
  // Round 0 warms the connections and the JIT and is not counted.
  for (let round = 0; round <= rounds; round++) {
    const listing = await listTicket(phase.stack, seller, `Race ${round}`);
    const roundLatencies: number[] = [];
    const results = await Promise.all(
      buyers.map(async (buyer, i) => {
        const started = performance.now();
        const res = await trpcMutation<Order>(
          replicas[i % replicas.length] as string,
          "create",
          { ticketId: listing.id },
          buyer.accessToken,
        );
        roundLatencies.push(performance.now() - started);
        return res;
      }),
    );
    const winners = results.filter((r) => r.status === 200).length;
    const conflicts = results.filter((r) => r.status === 409).length;
    const other = results.length - winners - conflicts;
    for (const r of results) {
      if (r.status !== 200 && r.status !== 409 && unexpected.length < 5) {
        unexpected.push(`${r.status} ${r.error?.message}`);
      }
    }
    // Let the reservation settle before the next round, as the next on-sale would.
    await waitFor(
      "the raced listing to be reserved",
      async () => (await ticketStatus(phase.stack, listing.id)) === "reserved",
      { timeoutMs: 15_000 },
    );
    if (round === 0) {
      meter = startCpuMeter();
      continue;
    }
    latencies.push(...roundLatencies);
    perRound.push({
      winners,
      conflicts,
      other,
      p99: summarize(roundLatencies).p99,
    });
  }

  const cpu = meter.stop();
  ctx.say(`  ${cpuLine(cpu)}`);
  const exact = perRound.filter((r) => r.winners === 1 && r.conflicts === buyers.length - 1);
  const s = summarize(latencies);
  ctx.say(
    `  race: ${exact.length}/${rounds} rounds with exactly one order; create p50 ${ms(s.p50)}, p99 ${ms(s.p99)}`,
  );
  return {
    id: "race",
    rows: [
      {
        figure: `1. On-sale race: orders per round (${buyers.length} buyers x ${rounds} rounds, ${replicas.length} x orders)`,
        value: `exactly 1 in ${exact.length}/${rounds} rounds`,
        target: "exactly 1 every round",
        met: exact.length === rounds,
      },
      {
        figure: "1. On-sale race: orders.create latency p50 / p99",
        value: `${ms(s.p50)} / ${ms(s.p99)}`,
        target: "p99 <= 300 ms",
        met: s.p99 <= 300,
      },
    ],
    details: {
      buyers: buyers.length,
      rounds,
      ordersReplicas: replicas.length,
      warmUpRounds: 1,
      createLatencyMs: s,
      perRound,
      unexpectedAnswers: unexpected,
      cpu,
    },
  };
}
