import { Link, Section, Text } from "@react-email/components";
import { type EventData, formatDateTime, formatMoney } from "@tx/api-contracts";
import { CallToAction, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";
import { colors } from "./theme";

type Listing = EventData<"ticket.search.matched">["listings"][number];

export type SavedSearchMatchedProps = {
  name: string;
  searchName: string;
  listings: readonly Listing[];
  matched: number;
  listingUrl: (id: string) => string;
  searchesUrl: string;
  unsubscribeUrl: string;
};

/** New or cheaper listings for a saved search, grouped (at most one email per search an hour). */
export function SavedSearchMatchedEmail({
  name,
  searchName,
  listings,
  matched,
  listingUrl,
  searchesUrl,
  unsubscribeUrl,
}: SavedSearchMatchedProps) {
  const count = matched === 1 ? "A listing matches" : `${matched} listings match`;
  return (
    <EmailLayout
      preview={`${count} your saved search ${searchName}.`}
      heading={`${count} your saved search`}
      reason="You are receiving this email because you saved this search on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        New or cheaper tickets match <strong>{searchName}</strong>:
      </Paragraph>
      {listings.map((l) => (
        <Section key={l.id} style={item}>
          <Text style={itemTitle}>
            <Link href={listingUrl(l.id)} style={{ color: colors.text }}>
              {l.title}
            </Link>
          </Text>
          <Text style={itemDetail}>
            {formatDateTime(l.eventDate, l.timeZone)} · {l.venue}, {l.city} · {formatMoney(l.price)}{" "}
            per ticket
          </Text>
        </Section>
      ))}
      {matched > listings.length ? (
        <Paragraph>And {matched - listings.length} more.</Paragraph>
      ) : null}
      <CallToAction href={searchesUrl}>See your saved searches</CallToAction>
      <Paragraph>
        No more emails for this search?{" "}
        <Link href={unsubscribeUrl} style={{ color: colors.text }}>
          Unsubscribe
        </Link>
        . It works without signing in.
      </Paragraph>
    </EmailLayout>
  );
}

const item = { padding: "8px 0", borderTop: `1px solid ${colors.outline}` };
const itemTitle = { fontSize: "16px", fontWeight: 600, margin: "0 0 2px" };
const itemDetail = { fontSize: "14px", margin: 0, color: colors.muted };

export function savedSearchMatchedEmail(props: SavedSearchMatchedProps): Promise<RenderedEmail> {
  return renderEmail(
    `New matches for your saved search: ${props.searchName}`,
    <SavedSearchMatchedEmail {...props} />,
  );
}
