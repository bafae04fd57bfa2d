import { describe, expect, it } from "vitest";
import { expectHealed, OUTAGE_MS, outageEnv, purchasesThroughOutage } from "./outage";
import { stackWithShoppers } from "./suite";

const s = stackWithShoppers("dbout", 20, outageEnv);

describe("the database going away", () => {
  it(
    `FerretDB stopped for ${OUTAGE_MS / 1000} s with 20 purchases in flight: everything heals, nothing is dead-lettered`,
    async () => {
      const result = await purchasesThroughOutage(s.infra, s.stack, s.seller, s.buyers, "mongo");
      expectHealed(result);
      // Every service still answers.
      for (const url of Object.values(s.stack.urls)) {
        if (url) expect((await fetch(`${url}/readyz`)).status).toBe(200);
      }
    },
    OUTAGE_MS + 420_000,
  );
});
