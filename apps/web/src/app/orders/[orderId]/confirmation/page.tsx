import { ObjectIdString, type Order, type PaymentState } from "@tx/api-contracts";
import { ButtonLink, Card, DateTime, Facts, formatMoney, Notice, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSession } from "@/auth/session";
import { AutoRefresh } from "@/components/auto-refresh";
import { syncPaymentAgain } from "@/orders/actions";
import { getOrder } from "@/orders/queries";
import { cancelReasonText } from "@/orders/status";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import styles from "./confirmation.module.css";

export const metadata: Metadata = { title: "Order confirmation" };

type Props = { params: Promise<{ orderId: string }> };

export default async function ConfirmationPage({ params }: Props) {
  const session = await requireSession();
  const { orderId } = await params;
  if (!ObjectIdString.safeParse(orderId).success) notFound();
  // Reads only: the return from paying synced the payment (payment-return/route.ts); the order
  // completes once the payments service has told the orders service.
  const payment = await paymentOf(orderId);
  const order = await getOrder(orderId);
  const email = session.user.email;

  if (order.status === "complete") {
    return (
      <>
        <PageHeading title="Your tickets are confirmed" description={order.eventName} />
        <div className={styles.stack}>
          <Notice tone="success" title="Payment received">
            <p>
              A confirmation email is on its way to <strong>{email}</strong>.
            </p>
          </Notice>
          <OrderFacts order={order} payment={payment} />
          <Actions order={order} />
        </div>
      </>
    );
  }
  // A late payment is refunded before the orders service marks the order refunded: for that
  // moment the order still reads cancelled, but the buyer was charged and paid back.
  if (order.status === "refunded" || payment?.status === "refunded") {
    return (
      <>
        <PageHeading title="Your payment was refunded" description={order.eventName} />
        <div className={styles.stack}>
          <Notice tone="info" title="The hold ended before your payment arrived">
            <p>
              We refunded {formatMoney(order.total)} at once; the details are on their way to{" "}
              <strong>{email}</strong>.
            </p>
          </Notice>
          <OrderFacts order={order} payment={payment} />
          <Actions order={order} />
        </div>
      </>
    );
  }
  const paid = payment?.status === "succeeded" || payment?.status === "processing";
  if (paid) {
    return (
      <>
        <PageHeading title="Confirming your payment…" description={order.eventName} />
        <div className={styles.stack}>
          <Notice tone="info" title="Your payment went through" role="status">
            <p>We are confirming your order; this page updates by itself in a moment.</p>
          </Notice>
          <AutoRefresh before={syncPaymentAgain.bind(null, order.id)} />
          <OrderFacts order={order} payment={payment} />
        </div>
      </>
    );
  }
  if (order.status === "awaiting_payment") {
    return (
      <>
        <PageHeading title="Not paid yet" description={order.eventName} />
        <Notice tone="warning" title="This order is waiting for your payment">
          <div>
            <ButtonLink href={`/checkout/${order.id}`} as={Link}>
              Continue to checkout
            </ButtonLink>
          </div>
        </Notice>
      </>
    );
  }
  return (
    <>
      <PageHeading title="This order was cancelled" description={order.eventName} />
      <Notice tone="warning" title={cancelReasonText(order) ?? "It was not paid."}>
        <p>You have not been charged.</p>
        <div>
          <ButtonLink href="/" as={Link}>
            Back to the listings
          </ButtonLink>
        </div>
      </Notice>
    </>
  );
}

/** The payment's state as the payments service knows it, or null when none was started. */
async function paymentOf(orderId: string): Promise<PaymentState | null> {
  try {
    return await (await serverApi()).payments.get.query({ orderId });
  } catch (err) {
    if (serviceError(err)?.code === "NOT_FOUND") return null;
    throw err;
  }
}

function OrderFacts({ order, payment }: { order: Order; payment: PaymentState | null }) {
  return (
    <Card title="Order details">
      <Facts
        wide
        items={[
          { term: "Order number", detail: <span className={styles.mono}>{order.id}</span> },
          { term: "Event", detail: order.eventName },
          {
            term: "Date and time",
            detail: <DateTime value={order.eventDate} timeZone={order.timeZone} />,
          },
          { term: "Venue", detail: `${order.venue}, ${order.city}` },
          { term: "Tickets", detail: order.quantity },
          { term: "Total", detail: formatMoney(order.total) },
          payment?.billingName ? { term: "Billing name", detail: payment.billingName } : null,
        ]}
      />
    </Card>
  );
}

function Actions({ order }: { order: Order }) {
  return (
    <div className={styles.actions}>
      <ButtonLink href={`/orders/${order.id}`} as={Link} variant="secondary">
        View the order
      </ButtonLink>
      <ButtonLink href="/orders" as={Link} variant="secondary">
        All your orders
      </ButtonLink>
    </div>
  );
}
