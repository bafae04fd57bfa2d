import type { Order } from "@tx/api-contracts";
import { Badge, ButtonLink, Card, DateTime, formatMoney, Pager, Skeleton } from "@tx/ui";
import Link from "next/link";
import { historyHref } from "@/orders/history-params";
import { orderStatus } from "@/orders/status";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import styles from "./order-history.module.css";

const PAGE_SIZE = 10;

/** One page of the buyer's orders, newest first. */
export async function OrderHistory({ trail }: { trail: string[] }) {
  let page: Awaited<ReturnType<typeof fetchPage>>;
  try {
    page = await fetchPage(trail.at(-1));
  } catch (err) {
    if (serviceError(err)?.code !== "BAD_REQUEST") throw err;
    return (
      <Card title="This page link no longer works">
        <p>
          <Link href="/orders">Go to your latest orders</Link>.
        </p>
      </Card>
    );
  }
  const pageNumber = trail.length + 1;
  if (page.items.length === 0) {
    return (
      <Card title="No orders yet">
        <p>Tickets you buy appear here, with their status.</p>
        <div>
          <ButtonLink href="/" as={Link}>
            Browse listings
          </ButtonLink>
        </div>
      </Card>
    );
  }
  return (
    <>
      <ul className={styles.list} aria-label={`Orders, page ${pageNumber}`}>
        {page.items.map((order) => (
          <li key={order.id}>
            <OrderRow order={order} />
          </li>
        ))}
      </ul>
      <Pager
        as={Link}
        label="Order pages"
        status={`Page ${pageNumber}`}
        previousHref={pageNumber > 1 ? historyHref(trail.slice(0, -1)) : null}
        nextHref={page.nextCursor ? historyHref([...trail, page.nextCursor]) : null}
      />
    </>
  );
}

async function fetchPage(cursor: string | undefined) {
  return (await serverApi()).orders.history.query({ cursor, limit: PAGE_SIZE });
}

function OrderRow({ order }: { order: Order }) {
  const status = orderStatus[order.status];
  return (
    <article className={styles.row}>
      <div className={styles.main}>
        <h2 className={styles.title}>
          <Link href={`/orders/${order.id}`}>{order.eventName}</Link>
        </h2>
        <p className={styles.meta}>
          <DateTime value={order.eventDate} timeZone={order.timeZone} /> · {order.venue},{" "}
          {order.city}
        </p>
        <p className={styles.meta}>
          Ordered <DateTime value={order.createdAt} dateOnly /> · {order.quantity}{" "}
          {order.quantity === 1 ? "ticket" : "tickets"}
        </p>
      </div>
      <div className={styles.side}>
        <Badge tone={status.tone}>{status.label}</Badge>
        <p className={styles.total}>{formatMoney(order.total)}</p>
      </div>
    </article>
  );
}

export function OrderHistorySkeleton() {
  return (
    <div className={styles.list} aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className={styles.row}>
          <div className={styles.main}>
            <Skeleton height="1.4625rem" width="60%" />
            <Skeleton height="1.3125rem" width="85%" />
            <Skeleton height="1.3125rem" width="45%" />
          </div>
          <div className={styles.side}>
            <Skeleton height="1.625rem" width="6rem" />
            <Skeleton height="1.5rem" width="5rem" />
          </div>
        </div>
      ))}
    </div>
  );
}
