import { formatMoney, type Money } from "@tx/api-contracts";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type DeliveryRefundedProps = {
  name: string;
  title: string;
  refunded: Money;
  orderId: string;
  orderUrl: string;
};

/** To the buyer, when the refund of a transfer that never came has gone through. */
export function DeliveryRefundedEmail({
  name,
  title,
  refunded,
  orderId,
  orderUrl,
}: DeliveryRefundedProps) {
  const amount = formatMoney(refunded);
  return (
    <EmailLayout
      preview={`The seller did not transfer the tickets for ${title} in time. We refunded ${amount}.`}
      heading="Your tickets did not arrive: you have been refunded"
      reason="You are receiving this email because you bought tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The seller did not transfer the tickets for <strong>{title}</strong> by the deadline, so we
        cancelled the sale and refunded <strong>{amount}</strong>, the full amount you paid.
      </Paragraph>
      <Paragraph>
        The money goes back to the card you paid with; most banks show it within 5 to 10 business
        days. We are sorry the tickets did not come through.
      </Paragraph>
      <Details
        rows={[
          ["Event", title],
          ["Amount refunded", amount],
          ["Reason", "The tickets were not transferred in time"],
          ["Order number", orderId],
        ]}
      />
      <CallToAction href={orderUrl}>View your order</CallToAction>
    </EmailLayout>
  );
}

export function deliveryRefundedEmail(props: DeliveryRefundedProps): Promise<RenderedEmail> {
  return renderEmail(
    "Your tickets did not arrive: you have been refunded",
    <DeliveryRefundedEmail {...props} />,
  );
}
