import { Card, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireSession } from "@/auth/session";
import { startPayment } from "@/checkout/start-payment";
import { Checkout } from "@/components/checkout";
import styles from "@/components/checkout.module.css";
import { HoldEnded } from "@/components/hold-ended";
import { OrderSummary } from "@/components/order-summary";
import { getOrder } from "@/orders/queries";
import { cancelReasonText, isPayable, listingChanged } from "@/orders/status";

export const metadata: Metadata = { title: "Checkout" };

type Props = { params: Promise<{ orderId: string }> };

export default async function CheckoutPage({ params }: Props) {
  await requireSession();
  const order = await getOrder((await params).orderId);
  const confirmation = `/orders/${order.id}/confirmation`;
  if (order.status === "complete" || order.status === "refunded") redirect(confirmation);

  const heading = (
    <PageHeading title="Checkout" description="Pay for your tickets while we hold them for you." />
  );
  const ended = (title: string, reason?: string) => (
    <>
      {heading}
      <div className={styles.layout}>
        <aside className={styles.summary} aria-label="Your order">
          <Card title="Your order">
            <OrderSummary order={order} />
          </Card>
        </aside>
        <section className={styles.payment} aria-label="Payment">
          <HoldEnded listingId={order.ticketId} title={title} reason={reason} />
        </section>
      </div>
    </>
  );

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
  if (start.kind === "paid") redirect(confirmation);
  if (start.kind === "ended") return ended("Your hold has ended");
  if (start.kind === "listing_changed") {
    // Refused a moment before the order itself shows it: the same words, without the price.
    return ended("This listing changed as you bought it", `${start.message} Nothing is charged.`);
  }
  if (start.session.status === "succeeded") redirect(confirmation);

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
      />
    </>
  );
}
