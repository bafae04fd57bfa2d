import { describe, expect, it } from "vitest";
import { violations } from "./invariants";
import { OUTAGE_MS, outageEnv, purchasesThroughOutage } from "./outage";
import { stackWithShoppers } from "./suite";

const s = stackWithShoppers("dbout", 20, outageEnv);

describe("the database going away", () => {
  it(
    `FerretDB stopped for ${OUTAGE_MS / 1000} s with 20 purchases in flight: everything heals, nothing is dead-lettered`,
    async () => {
      const result = await purchasesThroughOutage(s.infra, s.stack, s.seller, s.buyers, "mongo");
      const snap = result.snapshot;
      expect(violations(snap)).toEqual([]);
      expect(snap.deadLetters).toEqual([]);
      expect(snap.pendingOutbox).toBe(0);
      expect(snap.pendingConsumers.filter((c) => c.pending + c.ackPending > 0)).toEqual([]);
      expect(snap.orders).toHaveLength(result.orders);
      expect(snap.orders.filter((o) => o.status === "awaiting_payment")).toEqual([]);
      expect(result.settled).toBe(true);
      // Every service still answers.
      for (const url of Object.values(s.stack.urls)) {
        if (url) expect((await fetch(`${url}/readyz`)).status).toBe(200);
      }
    },
    OUTAGE_MS + 420_000,
  );
});
