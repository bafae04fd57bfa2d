import { type EventFacts, eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type TicketsTransferredProps = EventFacts & {
  name: string;
  reference: string;
  orderId: string;
  orderUrl: string;
};

/** To the buyer of a transfer listing, when the seller reports the transfer. */
export function TicketsTransferredEmail({
  name,
  reference,
  orderId,
  orderUrl,
  ...event
}: TicketsTransferredProps) {
  return (
    <EmailLayout
      preview={`The tickets for ${event.title} are on their way to your account in the venue's app.`}
      heading="The seller has transferred your tickets"
      reason="You are receiving this email because you bought tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The seller says the tickets for <strong>{event.title}</strong> were transferred to you
        through the venue's or the promoter's app. Look for them there, then confirm on your order
        page that they arrived, or tell us if they did not.
      </Paragraph>
      <Details
        rows={[...eventRows(event), ["Seller's reference", reference], ["Order number", orderId]]}
      />
      <CallToAction href={orderUrl}>Confirm you have them</CallToAction>
    </EmailLayout>
  );
}

export function ticketsTransferredEmail(props: TicketsTransferredProps): Promise<RenderedEmail> {
  return renderEmail(
    `The seller has transferred your tickets: ${props.title}`,
    <TicketsTransferredEmail {...props} />,
  );
}
