import { type EventFacts, eventRows } from "./event-rows";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type TicketsReadyProps = EventFacts & {
  name: string;
  files: number;
  orderId: string;
  orderUrl: string;
};

/** To the buyer of a download listing, as soon as the order completes. */
export function TicketsReadyEmail({ name, files, orderId, orderUrl, ...event }: TicketsReadyProps) {
  const what = files === 1 ? "your e-ticket" : `your ${files} e-tickets`;
  return (
    <EmailLayout
      preview={`Download ${what} for ${event.title} from your order page.`}
      heading="Your tickets are ready to download"
      reason="You are receiving this email because you bought tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The seller uploaded {what} for <strong>{event.title}</strong>. Download{" "}
        {files === 1 ? "it" : "them"} from your order page, keep {files === 1 ? "it" : "them"} on
        your phone or print {files === 1 ? "it" : "them"}, and show {files === 1 ? "it" : "them"} at
        the door.
      </Paragraph>
      <Details rows={[...eventRows(event), ["Order number", orderId]]} />
      <CallToAction href={orderUrl}>Download your tickets</CallToAction>
    </EmailLayout>
  );
}

export function ticketsReadyEmail(props: TicketsReadyProps): Promise<RenderedEmail> {
  return renderEmail(
    `Your tickets are ready to download: ${props.title}`,
    <TicketsReadyEmail {...props} />,
  );
}
