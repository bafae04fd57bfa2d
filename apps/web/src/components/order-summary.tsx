import type { Order } from "@tx/api-contracts";
import { DateTime, Facts, formatMoney } from "@tx/ui";

/** What the buyer is paying for, as the order recorded it when the hold began. */
export function OrderSummary({ order }: { order: Order }) {
  return (
    <Facts
      items={[
        { term: "Event", detail: order.eventName },
        {
          term: "Date and time",
          detail: <DateTime value={order.eventDate} timeZone={order.timeZone} />,
        },
        { term: "Venue", detail: `${order.venue}, ${order.city}` },
        {
          term: "Tickets",
          detail: `${order.quantity} × ${formatMoney(order.price)}`,
        },
        { term: "Total", detail: <strong>{formatMoney(order.total)}</strong> },
      ]}
    />
  );
}
