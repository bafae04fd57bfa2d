/**
 * Figure 5: how late holds end. Many holds are created as fast as the orders service takes
 * them, with a short ORDER_HOLD_SECONDS; each is cancelled by expiration (BullMQ delayed job
 * -> expiration.completed -> orders). Lateness = the cancellation's timeline time - expiresAt,
 * read from the orders service's own documents. The hold is long enough for every hold to
 * be made before the first one ends (as with 15-minute holds), so expiries are measured on
 * their own rather than queued behind creations; the JSON says if they overlapped anyway.
 */
import type { AuthSession, Order } from "../packages/api-contracts/src/index";
import { trpcMutation } from "../packages/test-kit/src/index";
import { cpuLine, startCpuMeter } from "./cpu";
import { database, type ObjectId, seedListingsWithEvents, waitForOrdersReplica } from "./data";
import { EventWatcher, type Phase, type RunContext, settle } from "./harness";
import { bounded, poll, round, summarize } from "./load";
import { type FigureResult, ms } from "./report";

/** The hold for the quick run (100 holds) and the full one (1,000 holds). */
export const holdSeconds = (quick: boolean) => (quick ? 15 : 90);

type OrderRow = {
  _id: InstanceType<typeof ObjectId>;
  status: string;
  cancelReason?: string;
  expiresAt: Date;
  timeline: { at: Date; status: string }[];
};

export async function expiryFigure(
  ctx: RunContext,
  phase: Phase,
  seller: AuthSession,
  buyers: AuthSession[],
): Promise<FigureResult> {
  const holds = ctx.quick ? 100 : 1_000;
  const t0 = performance.now();
  const listings = await seedListingsWithEvents(phase, seller, holds, "Expiry");
  await waitForOrdersReplica(listings.map((l) => l.id));
  ctx.say(
    `  expiry: ${holds} listings created and replicated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await settle(ctx);

  // When expiration.completed reaches NATS: splits lateness into the timer's part and orders' part.
  const watcher = await EventWatcher.connect(
    phase,
    ["expiration.completed", "order.cancelled"],
    (subject, data) =>
      subject === "expiration.completed" ? `fired:${data.orderId}` : `cancelled:${data.id}`,
  );
  const meter = startCpuMeter();
  const orders: Order[] = [];
  const errors: string[] = [];
  const created = await bounded(
    { count: holds, concurrency: 16, maxMs: 120_000 },
    async (i) => {
      const buyer = buyers[i % buyers.length] as AuthSession;
      const res = await trpcMutation<Order>(
        phase.stack.urls.orders,
        "create",
        { ticketId: listings[i]?.id },
        buyer.accessToken,
      );
      if (!res.data) throw new Error(`orders.create: ${res.status} ${res.error?.message}`);
      orders.push(res.data);
    },
    errors,
  );
  const createdPerSecond = round(created.done / (created.elapsedMs / 1000), 1);
  ctx.say(
    `  expiry: ${created.done} holds of ${holdSeconds(ctx.quick)} s created in ${(created.elapsedMs / 1000).toFixed(1)} s`,
  );
  const firstExpiry = Math.min(...orders.map((o) => Date.parse(o.expiresAt)));
  const overlapped = Date.now() > firstExpiry;
  if (overlapped) ctx.say("  expiry: WARNING the first holds ended before the last was made");

  const collection = database("tx_orders").collection<OrderRow>("orders");
  const lastExpiry = Math.max(...orders.map((o) => Date.parse(o.expiresAt)));
  // Watch order.cancelled go by rather than query the store meanwhile (a scan on FerretDB).
  await poll(async () => orders.every((o) => watcher.at(`cancelled:${o.id}`) !== undefined), {
    timeoutMs: Math.max(0, lastExpiry - Date.now()) + (ctx.quick ? 60_000 : 120_000),
    intervalMs: 250,
  });
  const cpu = meter.stop();
  ctx.say(`  ${cpuLine(cpu)}`);
  // This phase's orders are exactly our holds: read them all (an $in of 1,000 ids would scan).
  const wanted = new Set(orders.map((o) => o.id));
  const docs = (await collection.find({}).toArray()).filter((d) => wanted.has(d._id.toString()));
  const lateness: number[] = [];
  const timerLateness: number[] = [];
  const ordersPart: number[] = [];
  let notCancelled = 0;
  let early = 0;
  for (const doc of docs) {
    const cancelled = doc.timeline.find((t) => t.status === "cancelled");
    if (doc.status !== "cancelled" || doc.cancelReason !== "expired" || !cancelled) {
      notCancelled++;
      continue;
    }
    const late = cancelled.at.getTime() - doc.expiresAt.getTime();
    const fired = watcher.at(`fired:${doc._id.toString()}`);
    if (fired !== undefined) {
      const firedAt = performance.timeOrigin + fired;
      timerLateness.push(firedAt - doc.expiresAt.getTime());
      ordersPart.push(cancelled.at.getTime() - firedAt);
    }
    if (late < 0) early++;
    lateness.push(late);
  }
  notCancelled += orders.length - docs.length;
  const s = summarize(lateness);
  const t = summarize(timerLateness);
  const o = summarize(ordersPart);
  ctx.say(
    `  expiry: expiresAt -> expiration.completed p50 ${ms(t.p50)}, p99 ${ms(t.p99)}; -> cancelled by orders p50 ${ms(o.p50)}, p99 ${ms(o.p99)}`,
  );
  ctx.say(
    `  expiry: lateness p50 ${ms(s.p50)}, p99 ${ms(s.p99)}; ${notCancelled} not cancelled, ${early} early`,
  );
  return {
    id: "expiry",
    rows: [
      {
        figure: `5. Hold expiry lateness p50 / p99 (${created.done} of ${holds} holds made)`,
        value:
          notCancelled > 0
            ? `${ms(s.p50)} / ${ms(s.p99)}; ${notCancelled} not yet cancelled`
            : `${ms(s.p50)} / ${ms(s.p99)}`,
        target: "p99 < 500 ms",
        met: created.done === holds && notCancelled === 0 && early === 0 && s.p99 < 500,
      },
    ],
    details: {
      holds,
      holdSeconds: holdSeconds(ctx.quick),
      creationOverlappedExpiry: overlapped,
      holdsCreated: created.done,
      holdCreateErrors: errors,
      holdsCreatedPerSecond: createdPerSecond,
      latenessMs: s,
      // expiresAt -> expiration.completed on NATS (BullMQ delayed job + publish)
      expirationEventLatenessMs: summarize(timerLateness),
      // expiration.completed on NATS -> the order's cancellation written by orders
      ordersCancelMs: summarize(ordersPart),
      notCancelled,
      cancelledBeforeExpiry: early,
      cpu,
    },
  };
}
