import type { Envelope } from "@tx/api-contracts";
import type { ConsumerOptions, Logger } from "@tx/service-kit";
import { orderConfirmedEmail } from "../../emails/order-confirmed";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { orderUrl, orderWithBuyer } from "../replicas";

/** The buyer's payment went through: confirm the order to them, once. */
export async function onPaymentSucceeded(
  mailer: Mailer,
  event: Envelope<"payment.succeeded">,
  log: Logger,
): Promise<void> {
  const payment = event.data;
  const { order, buyer } = await orderWithBuyer(payment.orderId);
  const render = () =>
    orderConfirmedEmail({
      name: buyer.name,
      title: order.title,
      eventDate: order.eventDate,
      timeZone: order.timeZone ?? "UTC",
      venue: order.venue,
      city: order.city,
      quantity: order.quantity,
      // What was charged, which is the order's total, in the payment's currency.
      paid: { amount: payment.amount, currency: payment.currency },
      orderId: order._id,
      orderUrl: orderUrl(mailer.webBaseUrl, order._id),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "order-confirmed", to: buyer.email, render },
    log,
  );
}

export const paymentSucceededConsumer = (mailer: Mailer): ConsumerOptions<"payment.succeeded"> => ({
  subject: "payment.succeeded",
  handle: (event, log) => onPaymentSucceeded(mailer, event, log),
});
