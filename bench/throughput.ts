/**
 * Figure 2: complete purchases per second with a fixed number of concurrent buyers, with one
 * and then two processes of every service. A purchase is: hold (orders.create), start
 * the payment (payments.start, once the payments replica knows the order), pay with the
 * sandbox card (payments.sandbox.confirm; the signed webhook follows), and it is complete
 * when order.completed and ticket.updated(sold) have been published.
 */
import {
  type AuthSession,
  type Order,
  type PaymentSession,
  type PaymentState,
  serviceNames,
} from "../packages/api-contracts/src/index";
import { trpcMutation } from "../packages/test-kit/src/index";
import { type CommandsPerPurchase, commandsPerPurchase, readCommandCounts } from "./commands";
import { type CpuUsage, cpuLine, startCpuMeter } from "./cpu";
import { connectStore, createListings, registerUsers, waitForOrdersReplica } from "./data";
import { EventWatcher, type Phase, profileWindow, type RunContext, settle } from "./harness";
import { bounded, round, type Summary, sleep, summarize } from "./load";
import type { FigureResult } from "./report";

const CONCURRENCY = 16;
const PURCHASES = 240;
/** The checkout page's retries while payments has not heard of the order yet (apps/web trpc/retry.ts). */
const START_RETRY_MS = [100, 200, 300, 400, 500, 500, 500];
const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
const billing = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

type RunResult = {
  replicas: number;
  purchases: number;
  completed: number;
  failed: number;
  errors: string[];
  elapsedS: number;
  perSecond: number;
  purchaseMs: Summary;
  startRetriesPerPurchase: number;
  stepsP50Ms: Record<string, number>;
  cpu: CpuUsage;
  /** CPU milliseconds each process spent per completed purchase. */
  cpuMsPerPurchase: Record<string, number>;
  /** The same by program (a service's replicas together, PostgreSQL's processes together). */
  cpuMsPerPurchaseByProgram: Record<string, number>;
  /** Summed over every server process (not the load generator, which plays the buyers). */
  serversCpuMsPerPurchase: number;
  /** Database commands each service sent per completed purchase (driver command monitoring). */
  commands: CommandsPerPurchase;
};

const LOAD_GENERATOR = "bench (load generator)";

/** "orders :4312" -> "orders"; the bench's own name stays. */
const programOf = (process: string) => process.replace(/ :\d+$/, "");

export const watchKey = (subject: string, data: Record<string, unknown>) => {
  if (subject === "ticket.created") return `ticket.created:${data.id}`;
  if (subject === "ticket.updated" && data.status === "sold") return `ticket.sold:${data.id}`;
  if (subject === "order.completed") return `order.completed:${data.id}`;
  return undefined;
};

async function purchaseRun(
  ctx: RunContext,
  phase: Phase,
  watcher: EventWatcher,
  seller: AuthSession,
  buyers: AuthSession[],
  urls: { orders: string[]; payments: string[] },
  count: number,
): Promise<RunResult> {
  const listings = await createListings(phase, seller, count, `Throughput ${urls.orders.length}`);
  await waitForOrdersReplica(listings.map((l) => l.id));
  await settle(ctx);
  const total: number[] = [];
  const steps = {
    hold: [] as number[],
    start: [] as number[],
    pay: [] as number[],
    eventsAfterPay: [] as number[],
  };
  const errors: string[] = [];
  const n = urls.orders.length;
  let starts = 0;

  const profiling = profileWindow(ctx, phase, `throughput-${urls.orders.length}`);
  const commandsBefore = await readCommandCounts(phase.stack, serviceNames);
  const meter = startCpuMeter();
  const result = await bounded(
    { count, concurrency: CONCURRENCY, maxMs: ctx.quick ? 30_000 : 45_000 },
    async (i) => {
      const buyer = buyers[i % buyers.length] as AuthSession;
      const listing = listings[i];
      const ordersUrl = urls.orders[i % n] as string;
      const paymentsUrl = urls.payments[i % n] as string;
      if (!listing) throw new Error("no listing");
      const t0 = performance.now();
      const held = await trpcMutation<Order>(
        ordersUrl,
        "create",
        { ticketId: listing.id },
        buyer.accessToken,
      );
      if (!held.data) throw new Error(`orders.create: ${held.status} ${held.error?.message}`);
      const orderId = held.data.id;
      const t1 = performance.now();
      // The payments replica learns of the order from order.created: what checkout waits for.
      let session: PaymentSession | undefined;
      for (const delay of [...START_RETRY_MS, ...Array(40).fill(500)] as number[]) {
        const res = await trpcMutation<PaymentSession>(
          paymentsUrl,
          "start",
          { orderId },
          buyer.accessToken,
        );
        session = res.data;
        if (session || res.error?.data?.code !== "NOT_FOUND") break;
        starts++;
        await sleep(delay);
      }
      if (!session) throw new Error("payments.start: the order never reached the payments replica");
      const t2 = performance.now();
      const paid = await trpcMutation<PaymentState>(
        paymentsUrl,
        "sandbox.confirm",
        { orderId, card, billing },
        buyer.accessToken,
      );
      if (paid.data?.status !== "succeeded") {
        throw new Error(
          `sandbox.confirm: ${paid.status} ${paid.error?.message ?? paid.data?.status}`,
        );
      }
      const t3 = performance.now();
      const [completed, sold] = await Promise.all([
        watcher.wait(`order.completed:${orderId}`, 30_000),
        watcher.wait(`ticket.sold:${listing.id}`, 30_000),
      ]);
      if (completed === undefined) throw new Error("order.completed never came");
      if (sold === undefined) throw new Error("ticket.updated (sold) never came");
      const t4 = Math.max(completed, sold);
      steps.hold.push(t1 - t0);
      steps.start.push(t2 - t1);
      steps.pay.push(t3 - t2);
      steps.eventsAfterPay.push(t4 - t3);
      total.push(t4 - t0);
    },
    errors,
  );
  const cpu = meter.stop();
  const commands = commandsPerPurchase(
    commandsBefore,
    await readCommandCounts(phase.stack, serviceNames),
    result.done,
  );
  await profiling.end();
  const elapsedS = result.elapsedMs / 1000;
  const perSecond = round(result.done / elapsedS, 2);
  const perPurchase = (cpuSeconds: number) =>
    round((cpuSeconds * 1000) / Math.max(1, result.done), 1);
  const byProgram: Record<string, number> = {};
  for (const p of cpu.byProcess) {
    const name = programOf(p.process);
    byProgram[name] = (byProgram[name] ?? 0) + p.cpuSeconds;
  }
  const serversCpuSeconds = cpu.byProcess
    .filter((p) => p.process !== LOAD_GENERATOR)
    .reduce((sum, p) => sum + p.cpuSeconds, 0);
  ctx.say(`  ${cpuLine(cpu)}`);
  ctx.say(
    `  per purchase: ${perPurchase(serversCpuSeconds)} ms of CPU over the servers, ${commands.total} database commands (${Object.entries(
      commands.byService,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
  );
  ctx.say(
    `  throughput, ${n} replica(s): ${result.done}/${count} purchases in ${elapsedS.toFixed(1)} s = ${perSecond}/s${result.failed ? ` (${result.failed} failed: ${errors[0]})` : ""}`,
  );
  return {
    replicas: n,
    purchases: count,
    completed: result.done,
    failed: result.failed,
    errors,
    elapsedS: round(elapsedS, 2),
    perSecond,
    purchaseMs: summarize(total),
    startRetriesPerPurchase: round(starts / Math.max(1, result.done), 2),
    stepsP50Ms: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, summarize(v).p50])),
    cpu,
    cpuMsPerPurchase: Object.fromEntries(
      cpu.byProcess.map((p) => [p.process, perPurchase(p.cpuSeconds)]),
    ),
    cpuMsPerPurchaseByProgram: Object.fromEntries(
      Object.entries(byProgram)
        .sort((a, b) => b[1] - a[1])
        .map(([name, seconds]) => [name, perPurchase(seconds)]),
    ),
    serversCpuMsPerPurchase: perPurchase(serversCpuSeconds),
    commands,
  };
}

/** One configuration, on its own fresh stack, so that both start from the same (empty) data. */
export async function throughputRun(
  ctx: RunContext,
  phase: Phase,
  replicas: 1 | 2,
): Promise<RunResult> {
  await connectStore(phase);
  const watcher = await EventWatcher.connect(
    phase,
    ["ticket.updated", "order.completed"],
    watchKey,
  );
  const [seller, ...buyers] = (await registerUsers(phase.stack, "throughput", 33)) as [
    AuthSession,
    ...AuthSession[],
  ];
  // The phase runs `replicas` processes of every service; buyers go round-robin over them.
  const { orders, payments } = phase.stack.replicaUrls;
  if (orders.length !== replicas || payments.length !== replicas) {
    throw new Error(`expected ${replicas} replicas of orders and payments`);
  }
  return purchaseRun(
    ctx,
    phase,
    watcher,
    seller,
    buyers,
    { orders, payments },
    ctx.quick ? 48 : PURCHASES,
  );
}

const top = (values: Record<string, number>, n: number) =>
  Object.entries(values)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

export function throughputFigure(one: RunResult, two: RunResult): FigureResult {
  const growth = round(two.perSecond / one.perSecond, 2);
  const ferretdb = one.cpuMsPerPurchaseByProgram.ferretdb ?? 0;
  const storage = one.cpuMsPerPurchaseByProgram.postgres;
  return {
    id: "throughput",
    rows: [
      {
        figure: `2. Purchases/s, 1 replica of every service (${CONCURRENCY} buyers)`,
        value: `${one.perSecond}/s (p50 ${Math.round(one.purchaseMs.p50)} ms each)`,
        target: ">= 20/s",
        met: one.failed === 0 && one.perSecond >= 20,
      },
      {
        figure: `2. Purchases/s, 2 replicas of every service (${CONCURRENCY} buyers)`,
        value: `${two.perSecond}/s (x${growth} of 1 replica)`,
        target: "-",
        met: two.failed === 0 ? null : false,
      },
      {
        figure: "2. CPU ms per purchase, all servers (1 replica)",
        value: `${one.serversCpuMsPerPurchase} ms: ${top(
          Object.fromEntries(
            Object.entries(one.cpuMsPerPurchaseByProgram).filter(([k]) => k !== LOAD_GENERATOR),
          ),
          4,
        )}`,
        target: "<= 100 ms",
        met: one.serversCpuMsPerPurchase <= 100,
      },
      {
        figure: `2. CPU ms per purchase, FerretDB${storage === undefined ? "" : " + PostgreSQL"} (1 replica)`,
        value:
          storage === undefined
            ? `${ferretdb} ms`
            : `${round(ferretdb + storage, 1)} ms (${ferretdb} + ${storage})`,
        target: "<= 50 ms",
        met: ferretdb + (storage ?? 0) <= 50,
      },
      {
        figure: "2. Database commands per purchase (1 replica)",
        value: `${one.commands.total}: ${top(one.commands.byService, 6)}`,
        target: "-",
        met: null,
      },
    ],
    details: { concurrency: CONCURRENCY, growth, runs: [one, two] },
  };
}
