import type { Money, Order } from "@tx/api-contracts";
import { formatMoney, Notice } from "@tx/ui";

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
