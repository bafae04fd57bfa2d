import type { Money, Order } from "@tx/api-contracts";
import { formatMoney, Notice } from "@tx/ui";
import { z } from "zod";

const ShownTotal = z.coerce.number().int().nonnegative().max(100_000_000);

/** The checkout's `shown` parameter: the total (minor units) the listing page showed, if any. */
export function shownTotalParam(raw: string | string[] | undefined): number | null {
  const parsed = ShownTotal.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && parsed.success ? parsed.data : null;
}

/**
 * Told before the Pay button: the listing's price changed between the buyer's look at it and
 * their Purchase, so the order's total is not the one they saw.
 */
export function PriceChanged({ shown, order }: { shown: Money; order: Pick<Order, "total"> }) {
  return (
    <Notice tone="warning" title="The price changed since you opened the listing">
      <p>
        The listing showed {formatMoney(shown)} in all; this order's total is{" "}
        <strong>{formatMoney(order.total)}</strong>. Check it before you pay.
      </p>
    </Notice>
  );
}
