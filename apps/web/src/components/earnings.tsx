import type {
  EarningsAccount,
  EarningsPayout,
  EarningsSale,
  PayoutAccountView,
  SaleStatus,
} from "@tx/api-contracts";
import { Badge, type BadgeTone, ButtonLink, Card, DateTime, Facts, formatMoney } from "@tx/ui";
import Link from "next/link";
import { serverApi } from "@/trpc/server";
import own from "./earnings.module.css";
// The same rows as the order history: one look for a list of money lines.
import styles from "./order-history.module.css";
import { PayoutOnboardingForm } from "./payout-onboarding-form";

const saleStatus: Record<SaleStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "warning" },
  available: { label: "Available", tone: "info" },
  paid: { label: "Paid", tone: "success" },
  reversed: { label: "Refunded to the buyer", tone: "neutral" },
};

/** The signed-in seller's earnings, per currency, read from the payments ledger. */
export async function Earnings() {
  const api = await serverApi();
  const [earnings, payoutAccount] = await Promise.all([
    api.payments.payouts.earnings.query({}),
    api.payments.payouts.account.query({}),
  ]);
  if (earnings.accounts.length === 0) {
    return (
      <div className={own.stack}>
        <PayoutAccountCard account={payoutAccount} />
        <Card title="No sales yet">
          <p>When your tickets sell, each sale appears here with what it earned you.</p>
          <div>
            <ButtonLink href="/sell" as={Link}>
              Sell tickets
            </ButtonLink>
          </div>
        </Card>
      </div>
    );
  }
  const percent = (earnings.feeBps / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });
  return (
    <div className={own.stack}>
      <PayoutAccountCard account={payoutAccount} />
      {earnings.accounts.map((account) => (
        <Account key={account.currency} account={account} />
      ))}
      <p className={own.note}>
        The platform keeps {percent}% of each sale. A sale becomes available once its tickets are
        delivered and {holdText(earnings.holdHours)} have passed since the event; payouts of at
        least{" "}
        {formatMoney({
          amount: earnings.minimum,
          currency: earnings.accounts[0]?.currency ?? "USD",
        })}{" "}
        are sent daily.
      </p>
    </div>
  );
}

const payoutAccountStatus: Record<PayoutAccountView["status"], { label: string; tone: BadgeTone }> =
  {
    not_needed: { label: "Sandbox", tone: "info" },
    not_started: { label: "Not set up", tone: "warning" },
    onboarding: { label: "Details needed", tone: "warning" },
    ready: { label: "Ready", tone: "success" },
  };

/** Where the seller's payouts go: Stripe Connect with keys, the sandbox without. */
function PayoutAccountCard({ account }: { account: PayoutAccountView }) {
  const status = payoutAccountStatus[account.status];
  return (
    <Card title="Payout account" aside={<Badge tone={status.tone}>{status.label}</Badge>}>
      {account.status === "not_needed" ? (
        <p>
          This site runs on the payment sandbox: payouts are recorded and marked paid, with no bank
          account needed.
        </p>
      ) : null}
      {account.status === "not_started" ? (
        <>
          <p>
            Payouts go to a bank account through Stripe. Set it up once; until then your earnings
            wait here.
          </p>
          <PayoutOnboardingForm label="Set up payouts" />
        </>
      ) : null}
      {account.status === "onboarding" ? (
        <>
          <p>Stripe still needs a few details before it can pay you. Your earnings wait here.</p>
          <PayoutOnboardingForm label="Continue with Stripe" />
        </>
      ) : null}
      {account.status === "ready" ? <p>Payouts go to the bank account you gave Stripe.</p> : null}
    </Card>
  );
}

/** The hold as a person reads it: whole hours, or seconds when it is shorter (a test's). */
const holdText = (hours: number) =>
  hours >= 1 ? `${hours} hours` : `${Math.round(hours * 3600)} seconds`;

function Account({ account }: { account: EarningsAccount }) {
  const payouts = new Map(account.payouts.map((p) => [p.id, p]));
  return (
    <>
      <Card title={`Totals (${account.currency})`}>
        <Facts
          items={[
            { term: "Pending", detail: formatMoney(account.pending) },
            { term: "Available", detail: formatMoney(account.available) },
            { term: "Paid out", detail: formatMoney(account.paid) },
          ]}
        />
      </Card>
      <section aria-label={`Sales in ${account.currency}`}>
        <ul className={styles.list}>
          {account.sales.map((sale) => (
            <li key={sale.orderId}>
              <SaleRow sale={sale} payout={sale.payout ? payouts.get(sale.payout.id) : undefined} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function SaleRow({ sale, payout }: { sale: EarningsSale; payout: EarningsPayout | undefined }) {
  const sending = payout?.status === "sending";
  const status = sending
    ? { label: "Payout on its way", tone: "info" as const }
    : saleStatus[sale.status];
  return (
    <article className={styles.row}>
      <div className={styles.main}>
        <h2 className={styles.title}>{sale.title}</h2>
        <p className={styles.meta}>
          Event <DateTime value={sale.eventDate} /> · sold <DateTime value={sale.soldAt} dateOnly />
        </p>
        <p className={styles.meta}>
          Price {formatMoney(sale.price)} · fee {formatMoney(sale.fee)}
        </p>
        {sale.status === "pending" && sale.availableAt ? (
          <p className={styles.meta}>
            Available from <DateTime value={sale.availableAt} />
          </p>
        ) : null}
        {sale.status === "pending" && !sale.availableAt ? (
          <p className={styles.meta}>Waiting for the buyer to receive the tickets</p>
        ) : null}
        {sale.payout ? (
          <p className={styles.meta}>
            {sending ? "Payout started" : "Paid out"} <DateTime value={sale.payout.paidAt} />
          </p>
        ) : null}
      </div>
      <div className={styles.side}>
        <Badge tone={status.tone}>{status.label}</Badge>
        <p className={styles.total}>{formatMoney(sale.net)}</p>
      </div>
    </article>
  );
}
