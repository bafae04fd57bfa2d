import { ButtonLink, Card, Notice, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireSession } from "@/auth/session";
import { shownTotalParam } from "@/checkout/shown-total";
import { startPayment } from "@/checkout/start-payment";
import { Checkout } from "@/components/checkout";
import styles from "@/components/checkout.module.css";
import { HoldEnded } from "@/components/hold-ended";
import { OrderSummary } from "@/components/order-summary";
import { PriceChanged } from "@/components/price-changed";
import { getOrder } from "@/orders/queries";
import { cancelReasonText, isPayable, listingChanged } from "@/orders/status";

export const metadata: Metadata = { title: "Checkout" };

type Props = {
  params: Promise<{ orderId: string }>;
  /** `shown`: the total the listing page showed, when the order's differs (see purchaseListing). */
  searchParams: Promise<{ shown?: string | string[] }>;
};

export default async function CheckoutPage({ params, searchParams }: Props) {
  await requireSession();
  const order = await getOrder((await params).orderId);
  const confirmation = `/orders/${order.id}/confirmation`;

  const heading = (
    <PageHeading title="Checkout" description="Pay for your tickets while we hold them for you." />
  );
  const without = (payment: ReactNode, top: ReactNode = heading) => (
    <>
      {top}
      <div className={styles.layout}>
        <aside className={styles.summary} aria-label="Your order">
          <Card title="Your order">
            <OrderSummary order={order} />
          </Card>
        </aside>
        <section className={styles.payment} aria-label="Payment">
          {payment}
        </section>
      </div>
    </>
  );
  const ended = (title: string, reason?: string) =>
    without(<HoldEnded listingId={order.ticketId} title={title} reason={reason} />);
  const settled = (
    <PageHeading title="Checkout" description="Nothing is left to pay on this order." />
  );
  // Paid already (the browser's Back after paying, an old tab): never the card form again.
  const paid = without(
    <Notice tone="success" title="This order is paid">
      <p>Your payment went through: there is nothing more to pay.</p>
      <div className={styles.endedActions}>
        <ButtonLink href={confirmation} as={Link}>
          See your confirmation
        </ButtonLink>
      </div>
    </Notice>,
    settled,
  );

  if (order.status === "complete") return paid;
  if (order.status === "refunded") {
    return without(
      <Notice tone="info" title="This order was refunded">
        <p>The payment for it was paid back in full: there is nothing to pay.</p>
        <div className={styles.endedActions}>
          <ButtonLink href={confirmation} as={Link}>
            See the refund
          </ButtonLink>
          <ButtonLink href={`/orders/${order.id}`} as={Link} variant="secondary">
            See the order
          </ButtonLink>
        </div>
      </Notice>,
      settled,
    );
  }

  // The server's clock decides whether the hold is over, and starts the page's countdown.
  const serverNow = Date.now();
  if (order.status === "cancelled" && order.cancelReason === "listing_changed") {
    const changed = listingChanged(order);
    return ended(changed.title, changed.detail);
  }
  if (order.status === "cancelled" && order.cancelReason !== "expired") {
    return ended(
      "This order was cancelled",
      `${cancelReasonText(order) ?? ""} You have not been charged.`,
    );
  }
  if (!isPayable(order, serverNow)) return ended("Your hold has ended");

  const start = await startPayment(order.id);
  if (start.kind === "paid") return paid;
  if (start.kind === "ended") return ended("Your hold has ended");
  if (start.kind === "listing_changed") {
    // Refused a moment before the order itself shows it: the same words, without the price.
    return ended("This listing changed as you bought it", `${start.message} Nothing is charged.`);
  }
  if (start.session.status === "succeeded") return paid;

  const shown = shownTotalParam((await searchParams).shown);
  return (
    <>
      {heading}
      <Checkout
        orderId={order.id}
        listingId={order.ticketId}
        expiresAt={order.expiresAt}
        serverNow={serverNow}
        payment={start.session}
        summary={<OrderSummary order={order} />}
        notice={
          shown !== null && shown !== order.total.amount ? (
            <PriceChanged shown={{ amount: shown, currency: order.total.currency }} order={order} />
          ) : null
        }
      />
    </>
  );
}
