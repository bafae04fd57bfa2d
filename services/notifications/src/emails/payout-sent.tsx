import { formatDateTime, formatMoney, type MoneyValue } from "@tx/api-contracts";
import { CallToAction, Details, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type PayoutSentProps = {
  name: string;
  amount: MoneyValue;
  sales: number;
  reference: string;
  sentAt: Date;
  earningsUrl: string;
};

/** To the seller, when the payout run sends them their available balance. */
export function PayoutSentEmail({
  name,
  amount,
  sales,
  reference,
  sentAt,
  earningsUrl,
}: PayoutSentProps) {
  const what = sales === 1 ? "1 sale" : `${sales} sales`;
  return (
    <EmailLayout
      preview={`${formatMoney(amount)} is on its way to your payout account.`}
      heading="Your payout is on its way"
      reason="You are receiving this email because you sold tickets on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        We sent <strong>{formatMoney(amount)}</strong> to your payout account for {what}. Banks
        usually show it within two working days.
      </Paragraph>
      <Details
        rows={[
          ["Amount", formatMoney(amount)],
          ["Sales", String(sales)],
          ["Sent", formatDateTime(sentAt)],
          ["Reference", reference],
        ]}
      />
      <CallToAction href={earningsUrl}>See your earnings</CallToAction>
    </EmailLayout>
  );
}

export function payoutSentEmail(props: PayoutSentProps): Promise<RenderedEmail> {
  return renderEmail(`Payout sent: ${formatMoney(props.amount)}`, <PayoutSentEmail {...props} />);
}
