import { waitFor } from "@tx/test-kit";
import { describe, it } from "vitest";
import { expectHealed, OUTAGE_MS, outageEnv, purchasesThroughOutage } from "./outage";
import { stackWithShoppers } from "./suite";

const s = stackWithShoppers("dbout", 20, outageEnv);

describe("the database going away", () => {
  it(
    `FerretDB stopped for ${OUTAGE_MS / 1000} s with 20 purchases in flight: everything heals, nothing is dead-lettered`,
    async () => {
      const result = await purchasesThroughOutage(s.infra, s.stack, s.seller, s.buyers, "mongo");
      expectHealed(result);
      // Every service answers ready again (its database check may take a few seconds more
      // than the purchases' healing on a busy machine).
      for (const url of Object.values(s.stack.urls)) {
        if (!url) continue;
        await waitFor(
          `${url}/readyz to answer 200`,
          async () => (await fetch(`${url}/readyz`)).ok,
          {
            timeoutMs: 30_000,
            intervalMs: 500,
          },
        );
      }
    },
    OUTAGE_MS + 420_000,
  );
});
