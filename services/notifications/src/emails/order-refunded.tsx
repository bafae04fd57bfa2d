import { formatMoney, type Money, type RefundReason } from "@tx/api-contracts";
import { refundExplanation } from "./format";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type OrderRefundedProps = {
  name: string;
  title: string;
  refunded: Money;
  reason: RefundReason;
  orderId: string;
  orderUrl: string;
};

export function OrderRefundedEmail({
  name,
  title,
  refunded,
  reason,
  orderId,
  orderUrl,
}: OrderRefundedProps) {
  const amount = formatMoney(refunded);
  const why = refundExplanation(reason);
  return (
    <EmailLayout
      preview={`We refunded ${amount} for ${title}.`}
      heading="Your payment has been refunded"
      reason="You are receiving this email because you paid for an order on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        We refunded <strong>{amount}</strong> for <strong>{title}</strong> because {why.because}.{" "}
        {why.outcome}
      </Paragraph>
      <Paragraph>
        The money goes back to the card you paid with; most banks show it within 5 to 10 business
        days.
      </Paragraph>
      <Details
        rows={[
          ["Event", title],
          ["Amount refunded", amount],
          ["Reason", why.label],
          ["Order number", orderId],
        ]}
      />
      <CallToAction href={orderUrl}>View your order</CallToAction>
    </EmailLayout>
  );
}

export function orderRefundedEmail(props: OrderRefundedProps): Promise<RenderedEmail> {
  return renderEmail(`Refund issued: ${props.title}`, <OrderRefundedEmail {...props} />);
}
