import type { Envelope } from "@tx/api-contracts";
import type { ConsumerOptions, Logger } from "@tx/service-kit";
import { orderRefundedEmail } from "../../emails/order-refunded";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { orderUrl, orderWithBuyer } from "../replicas";

/** A payment went back to the buyer (a late payment, a cancelled order): tell them why, once. */
export async function onPaymentRefunded(
  mailer: Mailer,
  event: Envelope<"payment.refunded">,
  log: Logger,
): Promise<void> {
  const refund = event.data;
  const { order, buyer } = await orderWithBuyer(refund.orderId);
  const render = () =>
    orderRefundedEmail({
      name: buyer.name,
      title: order.title,
      refunded: { amount: refund.amount, currency: refund.currency },
      reason: refund.reason,
      orderId: order._id,
      orderUrl: orderUrl(mailer.webBaseUrl, order._id),
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
