import path from "node:path";
import type { AuthSession } from "@tx/api-contracts";
import { registerUsers, type Stack, startStack } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violations } from "./invariants";
import { OUTAGE_MS, outageEnv, purchasesThroughOutage } from "./outage";

const infra = withInfra();
let stack: Stack;
let seller: AuthSession;
let buyers: AuthSession[];

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    env: outageEnv,
  });
  [seller, ...buyers] = (await registerUsers(stack, "dbout", 21)) as [
    AuthSession,
    ...AuthSession[],
  ];
}, 300_000);
afterAll(async () => stack?.stop());

describe("the database going away", () => {
  it(
    `FerretDB stopped for ${OUTAGE_MS / 1000} s with 20 purchases in flight: everything heals, nothing is dead-lettered`,
    async () => {
      const result = await purchasesThroughOutage(infra.infra, stack, seller, buyers, "mongo");
      const s = result.snapshot;
      expect(violations(s)).toEqual([]);
      expect(s.deadLetters).toEqual([]);
      expect(s.pendingOutbox).toBe(0);
      expect(s.pendingConsumers.filter((c) => c.pending + c.ackPending > 0)).toEqual([]);
      expect(s.orders).toHaveLength(result.orders);
      expect(s.orders.filter((o) => o.status === "awaiting_payment")).toEqual([]);
      expect(result.settled).toBe(true);
      // Every service still answers.
      for (const url of Object.values(stack.urls)) {
        if (url) expect((await fetch(`${url}/readyz`)).status).toBe(200);
      }
    },
    OUTAGE_MS + 420_000,
  );
});
