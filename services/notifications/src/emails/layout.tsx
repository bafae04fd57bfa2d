import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Html,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { colors, fontFamily } from "./theme";

type LayoutProps = {
  /** The line inboxes show after the subject. */
  preview: string;
  heading: string;
  /** Why the reader got this email, in the footer. */
  reason: string;
  children: ReactNode;
};

/** The frame every email shares: brand, a card on the secondary background, a footer. */
export function EmailLayout({ preview, heading, reason, children }: LayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        {/* Dark by design: asks clients that honour it not to invert the palette. */}
        <meta name="color-scheme" content="dark" />
        <meta name="supported-color-schemes" content="dark" />
      </Head>
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: colors.background, margin: 0, padding: "24px 0", fontFamily }}
      >
        <Container style={{ maxWidth: "560px", width: "100%", padding: "0 16px" }}>
          <Section style={{ padding: "8px 0 20px" }}>
            <Text style={brand}>
              Ticket <span style={{ color: colors.accent }}>Exchange</span>
            </Text>
          </Section>
          <Section style={card}>
            <Heading as="h1" style={h1}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Section style={{ padding: "20px 4px 0" }}>
            <Text style={footer}>{reason}</Text>
            <Text style={footer}>Ticket Exchange, the fair way to resell tickets.</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

/** Label/value pairs, one per row, separated by hairlines in the outline colour. */
export function Details({ rows }: { rows: [label: string, value: string][] }) {
  return (
    <Section style={details}>
      {rows.map(([label, value], i) => (
        <Row key={label}>
          <Column style={{ ...detailCell, ...(i > 0 ? detailRule : {}), width: "40%" }}>
            <Text style={detailLabel}>{label}</Text>
          </Column>
          <Column style={{ ...detailCell, ...(i > 0 ? detailRule : {}) }}>
            <Text style={detailValue}>{value}</Text>
          </Column>
        </Row>
      ))}
    </Section>
  );
}

export function CallToAction({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ padding: "8px 0 4px" }}>
      <Button href={href} style={button}>
        {children}
      </Button>
    </Section>
  );
}

const brand = {
  color: colors.text,
  fontSize: "18px",
  fontWeight: 700,
  letterSpacing: "0.2px",
  margin: 0,
};
const card = {
  backgroundColor: colors.surface,
  border: `1px solid ${colors.outline}`,
  borderRadius: "8px",
  padding: "28px 28px 24px",
};
const h1 = {
  color: colors.text,
  fontSize: "24px",
  lineHeight: "32px",
  fontWeight: 700,
  margin: "0 0 16px",
};
const paragraph = { color: colors.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" };
const details = {
  border: `1px solid ${colors.outline}`,
  borderRadius: "6px",
  margin: "8px 0 24px",
  padding: "4px 16px",
};
const detailCell = { padding: "10px 0", verticalAlign: "top" as const };
const detailRule = { borderTop: `1px solid ${colors.outline}` };
const detailLabel = { color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 };
const detailValue = {
  color: colors.text,
  fontSize: "15px",
  lineHeight: "20px",
  fontWeight: 600,
  margin: 0,
  wordBreak: "break-word" as const,
};
const button = {
  backgroundColor: colors.accent,
  color: colors.onAccent,
  borderRadius: "6px",
  fontSize: "16px",
  fontWeight: 700,
  padding: "12px 22px",
  textDecoration: "none",
};
const footer = { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 6px" };
