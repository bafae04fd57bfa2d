import type { AuthSession } from "@tx/api-contracts";
import { orderOf, waitFor } from "@tx/test-kit";
import { describe, expect, it } from "vitest";
import { violations, waitUntilSettled } from "./invariants";
import { expectHealed, OUTAGE_MS, outageEnv, purchasesThroughOutage, report } from "./outage";
import { holdWithPayment } from "./shoppers";
import { stackWithShoppers } from "./suite";

const s = stackWithShoppers("natsout", 23, outageEnv);

describe("the message broker going away", () => {
  it(
    `NATS stopped for ${OUTAGE_MS / 1000} s with 20 purchases in flight: everything heals, nothing is dead-lettered`,
    async () => {
      const result = await purchasesThroughOutage(s.infra, s.stack, s.seller, s.buyers, "nats");
      expectHealed(result);
    },
    OUTAGE_MS + 420_000,
  );

  it("the expiration service stopped for longer than a hold: holds still end within the grace period plus 10 s", async () => {
    const grace = Number(outageEnv.RECONCILE_GRACE_SECONDS);
    await s.stack.kill("expiration");
    const held = (
      await Promise.all(
        s.buyers.slice(20, 23).map(async (buyer, i) => ({
          buyer,
          order: await holdWithPayment(s.stack, s.seller, buyer, `No expiration ${i}`),
        })),
      )
    ).filter((h): h is { buyer: AuthSession; order: NonNullable<typeof h.order> } => !!h.order);
    expect(held).toHaveLength(3);
    const late: number[] = [];
    for (const { buyer, order } of held) {
      const ended = await waitFor(
        "the hold to end without the expiration service",
        async () => {
          const o = await orderOf(s.stack, buyer, order.id);
          return o?.status === "cancelled" ? o : undefined;
        },
        { timeoutMs: (Number(outageEnv.ORDER_HOLD_SECONDS) + grace + 30) * 1000, intervalMs: 250 },
      );
      const cancelledAt = ended.timeline.find((t) => t.status === "cancelled")?.at ?? "";
      late.push((Date.parse(cancelledAt) - Date.parse(ended.expiresAt)) / 1000);
    }
    report(
      `expiration down: ${held.length} holds ended ${late.map((s) => s.toFixed(1)).join(", ")} s after expiresAt (grace ${grace} s)`,
    );
    for (const s of late) expect(s).toBeLessThanOrEqual(grace + 10);
    await s.stack.start("expiration");
    const { snapshot, settled } = await waitUntilSettled(
      s.infra.urls.MONGO_URL,
      s.infra.urls.NATS_URL,
      120_000,
    );
    expect(violations(snapshot)).toEqual([]);
    expect(snapshot.deadLetters).toEqual([]);
    expect(settled).toBe(true);
  }, 240_000);
});
