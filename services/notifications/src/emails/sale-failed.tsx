import { formatDateTime } from "@tx/api-contracts";
import { type EventFacts, eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SaleFailedProps = EventFacts & {
  name: string;
  deadline: Date;
  myListingsUrl: string;
};

/** To the seller, when the transfer deadline passed unreported: the sale is off. */
export function SaleFailedEmail({ name, deadline, myListingsUrl, ...event }: SaleFailedProps) {
  return (
    <EmailLayout
      preview={`The transfer for ${event.title} was not reported in time: the buyer has been refunded.`}
      heading="Your sale was cancelled"
      reason="You are receiving this email because you sold tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The transfer of your tickets for <strong>{event.title}</strong> was due by{" "}
        <strong>{formatDateTime(deadline)}</strong> and was not reported. We cancelled the sale and
        refunded the buyer in full; you will not be paid for it.
      </Paragraph>
      <Details rows={eventRows(event)} />
      <CallToAction href={myListingsUrl}>See your listings</CallToAction>
    </EmailLayout>
  );
}

export function saleFailedEmail(props: SaleFailedProps): Promise<RenderedEmail> {
  return renderEmail(
    `Sale cancelled: ${props.title} was not transferred in time`,
    <SaleFailedEmail {...props} />,
  );
}
