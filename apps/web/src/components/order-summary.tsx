import type { Order } from "@tx/api-contracts";
import { DateTime, Facts, formatMoney } from "@tx/ui";

/**
 * The total broken down: the tickets at the seller's price, and the service fee when there is
 * one (prices are all-in from the landing page on: the total is what every page showed).
 */
export function totalBreakdown(order: Order) {
  const fee = order.buyerFee.amount;
  const ticketsPrice = { amount: order.total.amount - fee, currency: order.total.currency };
  const perTicket = {
    amount: Math.round(ticketsPrice.amount / order.quantity),
    currency: order.total.currency,
  };
  return fee > 0
    ? [
        {
          term: "Tickets",
          detail: `${order.quantity} × ${formatMoney(perTicket)} = ${formatMoney(ticketsPrice)}`,
        },
        { term: "Service fee", detail: formatMoney(order.buyerFee) },
      ]
    : [{ term: "Tickets", detail: `${order.quantity} × ${formatMoney(order.price)}` }];
}

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
        ...totalBreakdown(order),
        { term: "Total", detail: <strong>{formatMoney(order.total)}</strong> },
      ]}
    />
  );
}
