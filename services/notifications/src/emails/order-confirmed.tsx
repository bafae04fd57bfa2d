import { formatMoney, type Money } from "@tx/api-contracts";
import { eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type OrderConfirmedProps = {
  name: string;
  title: string;
  eventDate: Date;
  /** The venue's zone: the time on the ticket. */
  timeZone: string;
  venue: string;
  city: string;
  quantity: number;
  paid: Money;
  orderId: string;
  orderUrl: string;
};

export function OrderConfirmedEmail({
  name,
  title,
  eventDate,
  timeZone,
  venue,
  city,
  quantity,
  paid,
  orderId,
  orderUrl,
}: OrderConfirmedProps) {
  const amount = formatMoney(paid);
  return (
    <EmailLayout
      preview={`Your payment of ${amount} went through: the tickets for ${title} are yours.`}
      heading="Your order is confirmed"
      reason="You are receiving this email because you bought tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        Your payment went through and the tickets for <strong>{title}</strong> are yours. Keep this
        email: if you ever need help with the order, its number is what we will ask for.
      </Paragraph>
      <Details
        rows={[
          ...eventRows({ title, eventDate, timeZone, venue, city, quantity }),
          ["Amount paid", amount],
          ["Order number", orderId],
        ]}
      />
      <CallToAction href={orderUrl}>View your order</CallToAction>
    </EmailLayout>
  );
}

export function orderConfirmedEmail(props: OrderConfirmedProps): Promise<RenderedEmail> {
  return renderEmail(`Order confirmed: ${props.title}`, <OrderConfirmedEmail {...props} />);
}
