/**
 * Database commands per purchase, by service: each service process counts every command its
 * MongoDB driver sends (command monitoring, `mongodb_commands_total` on /metrics); the bench
 * reads every replica's counters before and after a measurement and takes the difference.
 */
import type { ServiceName } from "../packages/api-contracts/src/index";
import type { Stack } from "../packages/test-kit/src/index";
import { round } from "./load";

/** service -> "command collection" -> count, summed over the service's replicas. */
export type CommandCounts = Record<string, Record<string, number>>;

const LINE = /^mongodb_commands_total\{([^}]*)\} (\d+(?:\.\d+)?)$/;

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[m[1] as string] = m[2] ?? "";
  return labels;
}

export async function readCommandCounts(
  stack: Stack,
  services: readonly ServiceName[],
): Promise<CommandCounts> {
  const counts: CommandCounts = {};
  for (const service of services) {
    const byCommand: Record<string, number> = {};
    for (const url of stack.replicaUrls[service]) {
      const res = await fetch(`${url}/metrics`).catch(() => undefined);
      if (!res?.ok) throw new Error(`could not read ${service}'s metrics at ${url}`);
      for (const line of (await res.text()).split("\n")) {
        const m = LINE.exec(line);
        if (!m) continue;
        const { command, collection } = parseLabels(m[1] ?? "");
        const key = collection ? `${command} ${collection}` : `${command}`;
        byCommand[key] = (byCommand[key] ?? 0) + Number(m[2]);
      }
    }
    counts[service] = byCommand;
  }
  return counts;
}

export type CommandsPerPurchase = {
  total: number;
  byService: Record<string, number>;
  /** service -> "command collection" -> per purchase, largest first. */
  detail: Record<string, Record<string, number>>;
};

/** (after - before) / purchases. */
export function commandsPerPurchase(
  before: CommandCounts,
  after: CommandCounts,
  purchases: number,
): CommandsPerPurchase {
  const n = Math.max(1, purchases);
  const byService: Record<string, number> = {};
  const detail: Record<string, Record<string, number>> = {};
  let total = 0;
  for (const [service, counts] of Object.entries(after)) {
    const rows: [string, number][] = [];
    let sum = 0;
    for (const [key, value] of Object.entries(counts)) {
      const d = value - (before[service]?.[key] ?? 0);
      if (d <= 0) continue;
      sum += d;
      rows.push([key, round(d / n, 2)]);
    }
    total += sum;
    byService[service] = round(sum / n, 1);
    detail[service] = Object.fromEntries(rows.sort((a, b) => b[1] - a[1]));
  }
  return { total: round(total / n, 1), byService, detail };
}
