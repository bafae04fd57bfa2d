import { type EventFacts, eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type DeliveryDisputedProps = EventFacts & {
  name: string;
  problem: string;
  myListingsUrl: string;
};

/** To the seller, when the buyer reports that the tickets did not work or did not arrive. */
export function DeliveryDisputedEmail({
  name,
  problem,
  myListingsUrl,
  ...event
}: DeliveryDisputedProps) {
  return (
    <EmailLayout
      preview={`The buyer of your tickets for ${event.title} reported a problem.`}
      heading="The buyer reported a problem"
      reason="You are receiving this email because you sold tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The buyer of your tickets for <strong>{event.title}</strong> says something is wrong with
        them; their words are below. The sale is on hold until the problem is resolved.
      </Paragraph>
      <Details rows={[...eventRows(event), ["What the buyer says", problem]]} />
      <CallToAction href={myListingsUrl}>See your listings</CallToAction>
    </EmailLayout>
  );
}

export function deliveryDisputedEmail(props: DeliveryDisputedProps): Promise<RenderedEmail> {
  return renderEmail(
    `A buyer reported a problem: ${props.title}`,
    <DeliveryDisputedEmail {...props} />,
  );
}
