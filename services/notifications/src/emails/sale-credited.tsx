import { formatMoney, type MoneyValue } from "@tx/api-contracts";
import { type EventFacts, eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SaleCreditedProps = EventFacts & {
  name: string;
  price: MoneyValue;
  fee: MoneyValue;
  net: MoneyValue;
  earningsUrl: string;
};

/** To the seller, when a sale is credited to them (pending until delivery and the event). */
export function SaleCreditedEmail({
  name,
  price,
  fee,
  net,
  earningsUrl,
  ...event
}: SaleCreditedProps) {
  return (
    <EmailLayout
      preview={`You will earn ${formatMoney(net)} once the buyer has their tickets and the event is over.`}
      heading="Your tickets sold"
      reason="You are receiving this email because you sold tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        A buyer paid for your tickets for <strong>{event.title}</strong>. You earn{" "}
        <strong>{formatMoney(net)}</strong>, pending: it becomes available once the buyer has their
        tickets and the event is over, and the next payout run sends it to you.
      </Paragraph>
      <Details
        rows={[
          ...eventRows(event),
          ["Sale price", formatMoney(price)],
          ["Platform fee", formatMoney(fee)],
          ["You earn", formatMoney(net)],
        ]}
      />
      <CallToAction href={earningsUrl}>See your earnings</CallToAction>
    </EmailLayout>
  );
}

export function saleCreditedEmail(props: SaleCreditedProps): Promise<RenderedEmail> {
  return renderEmail(
    `Your tickets sold: ${props.title}, you earn ${formatMoney(props.net)}`,
    <SaleCreditedEmail {...props} />,
  );
}
