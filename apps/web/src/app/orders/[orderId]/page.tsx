import type { Order } from "@tx/api-contracts";
import { Badge, ButtonLink, Card, DateTime, Facts, formatMoney, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/auth/session";
import { CancelOrder } from "@/components/cancel-order";
import { totalBreakdown } from "@/components/order-summary";
import { OrderTickets } from "@/components/order-tickets";
import { getOrder } from "@/orders/queries";
import { cancelReasonText, isPayable, orderStatus } from "@/orders/status";
import styles from "./order-page.module.css";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ orderId: string }> };

export default async function OrderPage({ params }: Props) {
  await requireSession();
  const order = await getOrder((await params).orderId);
  const status = orderStatus[order.status];
  const payable = isPayable(order, Date.now());
  return (
    <>
      <p className={styles.back}>
        <Link href="/orders">
          <span aria-hidden="true">← </span>All orders
        </Link>
      </p>
      <PageHeading title={order.eventName} description={`Order ${order.id}`} />
      <div className={styles.layout}>
        <div className={styles.main}>
          <Card title="Order" aside={<Badge tone={status.tone}>{status.label}</Badge>}>
            <Facts wide items={orderFacts(order)} />
            {payable ? (
              <div className={styles.actions}>
                <ButtonLink href={`/checkout/${order.id}`} as={Link}>
                  Continue to checkout
                </ButtonLink>
                <CancelOrder orderId={order.id} />
              </div>
            ) : order.status === "complete" ? (
              <div className={styles.actions}>
                <ButtonLink href={`/orders/${order.id}/confirmation`} as={Link} variant="secondary">
                  See the confirmation
                </ButtonLink>
              </div>
            ) : null}
          </Card>
          <OrderTickets order={order} />
        </div>
        <Card title="Timeline">
          <ol className={styles.timeline}>
            {order.timeline.map((entry) => (
              <li key={`${entry.at}-${entry.status}`} className={styles.entry}>
                <p className={styles.entryStatus}>{orderStatus[entry.status].label}</p>
                <p className={styles.entryTime}>
                  <DateTime value={entry.at} />
                </p>
                <p>{entry.note}</p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}

function orderFacts(order: Order) {
  return [
    {
      term: "Date and time",
      detail: <DateTime value={order.eventDate} timeZone={order.timeZone} />,
    },
    { term: "Venue", detail: `${order.venue}, ${order.city}` },
    ...totalBreakdown(order),
    { term: "Total", detail: formatMoney(order.total) },
    { term: "Ordered", detail: <DateTime value={order.createdAt} /> },
    order.status === "awaiting_payment"
      ? { term: "Held until", detail: <DateTime value={order.expiresAt} /> }
      : null,
    order.status === "cancelled"
      ? { term: "Why cancelled", detail: cancelReasonText(order) ?? "—" }
      : null,
  ];
}
