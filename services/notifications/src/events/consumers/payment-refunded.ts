import type { Envelope } from "@tx/api-contracts";
import type { ConsumerOptions, Logger } from "@tx/service-kit";
import { deliveryRefundedEmail } from "../../emails/delivery-refunded";
import { orderRefundedEmail } from "../../emails/order-refunded";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { orderUrl, orderWithBuyer } from "../replicas";

/**
 * A payment went back to the buyer (a late payment, a cancelled order, tickets that never
 * came): tell them why, once. A failed delivery has its own email.
 */
export async function onPaymentRefunded(
  mailer: Mailer,
  event: Envelope<"payment.refunded">,
  log: Logger,
): Promise<void> {
  const refund = event.data;
  const { order, buyer } = await orderWithBuyer(refund.orderId);
  const url = orderUrl(mailer.webBaseUrl, order._id);
  const refunded = { amount: refund.amount, currency: refund.currency };
  if (refund.reason === "delivery_failed") {
    const render = () =>
      deliveryRefundedEmail({
        name: buyer.name,
        title: order.title,
        refunded,
        orderId: order._id,
        orderUrl: url,
      });
    await deliverOnce(
      mailer.transport,
      { eventId: event.id, kind: "delivery-refunded", to: buyer.email, render },
      log,
    );
    return;
  }
  const render = () =>
    orderRefundedEmail({
      name: buyer.name,
      title: order.title,
      refunded,
      reason: refund.reason,
      orderId: order._id,
      orderUrl: url,
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "order-refunded", to: buyer.email, render },
    log,
  );
}

export const paymentRefundedConsumer = (mailer: Mailer): ConsumerOptions<"payment.refunded"> => ({
  subject: "payment.refunded",
  handle: (event, log) => onPaymentRefunded(mailer, event, log),
});
