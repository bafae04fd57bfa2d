/**
 * Figures 4 and 8 measure the same way: listings are created one at a time, and for each the
 * time from NATS delivering its ticket.created (and from tickets.create returning) to the
 * moment some consumer has it, as `arrival` observes.
 */
import type { AuthSession, Listing } from "../packages/api-contracts/src/index";
import { trpcMutation } from "../packages/test-kit/src/index";
import { type CpuUsage, startCpuMeter } from "./cpu";
import { demoListings } from "./data";
import type { EventWatcher, Phase } from "./harness";
import { type Summary, sleep, summarize } from "./load";

export type FromCreated = {
  missed: number;
  fromPublishMs: Summary;
  fromCreateReturnMs: Summary;
  cpu: CpuUsage;
};

export async function timeFromCreated(
  phase: Phase,
  watcher: EventWatcher,
  seller: AuthSession,
  opts: {
    samples: number;
    name: (i: number) => string;
    /** When the listing reached what is measured (performance.now()), or undefined if never. */
    arrival: (id: string) => Promise<number | undefined>;
  },
): Promise<FromCreated> {
  const inputs = demoListings(opts.samples);
  const fromPublish: number[] = [];
  const fromReturn: number[] = [];
  let missed = 0;
  const meter = startCpuMeter();
  for (let i = 0; i < opts.samples; i++) {
    const res = await trpcMutation<Listing>(
      phase.stack.urls.tickets,
      "create",
      { ...inputs[i], eventName: opts.name(i) },
      seller.accessToken,
    );
    const returned = performance.now();
    if (!res.data) throw new Error(`tickets.create: ${res.error?.message}`);
    const id = res.data.id;
    // The relay publishes before create returns, so the event is normally already here.
    const [published, seen] = await Promise.all([
      watcher.wait(`ticket.created:${id}`, 10_000),
      opts.arrival(id),
    ]);
    if (seen === undefined || published === undefined) {
      missed++;
      continue;
    }
    fromPublish.push(Math.max(0, seen - published));
    fromReturn.push(Math.max(0, seen - returned));
    await sleep(10);
  }
  return {
    missed,
    fromPublishMs: summarize(fromPublish),
    fromCreateReturnMs: summarize(fromReturn),
    cpu: meter.stop(),
  };
}
