import { formatDateTime } from "@tx/api-contracts";
import { type EventFacts, eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type TransferRequestedProps = EventFacts & {
  name: string;
  buyerEmail: string;
  deadline: Date;
  myListingsUrl: string;
};

/** To the seller of a transfer listing, as soon as the order completes: what to do, and by when. */
export function TransferRequestedEmail({
  name,
  buyerEmail,
  deadline,
  myListingsUrl,
  ...event
}: TransferRequestedProps) {
  const due = formatDateTime(deadline);
  return (
    <EmailLayout
      preview={`Transfer the tickets for ${event.title} to ${buyerEmail} by ${due}.`}
      heading="Transfer your tickets"
      reason="You are receiving this email because you sold tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        Your tickets for <strong>{event.title}</strong> have sold. Transfer them through the venue's
        or the promoter's app to <strong>{buyerEmail}</strong> by <strong>{due}</strong>, then tell
        us on My listings, with the transfer's reference.
      </Paragraph>
      <Paragraph>
        If the transfer is not reported by then, the sale is cancelled and the buyer refunded in
        full.
      </Paragraph>
      <Details rows={[...eventRows(event), ["Transfer to", buyerEmail], ["Transfer by", due]]} />
      <CallToAction href={myListingsUrl}>Report the transfer</CallToAction>
    </EmailLayout>
  );
}

export function transferRequestedEmail(props: TransferRequestedProps): Promise<RenderedEmail> {
  return renderEmail(
    `Transfer your tickets: ${props.title}`,
    <TransferRequestedEmail {...props} />,
  );
}
