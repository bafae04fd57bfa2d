import type { Currency, PaymentMode } from "@tx/api-contracts";
import type { LedgerEntry as StoredEntry } from "../models/ledger-entry";

/** An entry's facts; the outbox (publishing plumbing) is not read. */
type LedgerEntry = Omit<StoredEntry, "outbox">;

import type { PayoutStatus, SaleStatus } from "@tx/api-contracts";

export type SaleLine = {
  orderId: string;
  ticketId: string;
  title: string;
  eventDate: Date;
  soldAt: Date;
  price: number;
  fee: number;
  net: number;
  status: SaleStatus;
  availableAt: Date | null;
  payoutId: string | null;
  paidAt: Date | null;
};

export type PayoutLine = {
  id: string;
  amount: number;
  at: Date;
  sales: number;
  mode: PaymentMode;
  status: PayoutStatus;
};

/** One seller's money in one currency, as its entries say it is at `now`. */
export type Account = {
  sellerId: string;
  currency: Currency;
  /** Credited, not yet payable (delivery not confirmed, or the event plus the hold not over). */
  pending: number;
  /** Payable now: may be negative after a refund of a sale already paid out. */
  available: number;
  /** Sent in payouts. */
  paid: number;
  /** credits - reversals - payouts. */
  balance: number;
  /** The platform's fees kept on this seller's sales (fees of credits - fees of reversals). */
  fees: number;
  sales: SaleLine[];
  payouts: PayoutLine[];
  /** The sales the next payout would pay, and its sequence number. */
  payable: string[];
  nextPayoutSeq: number;
};

/**
 * Derives an account from its entries (one seller, one currency), read in one query so
 * a payout and the balance it was drawn from are seen together. The rule per sale:
 * reversed if refunded; else paid if a payout named it; else available once released and
 * past `availableAt`; else pending. available = balance - pending, so a sale refunded
 * after its payout lowers what the next payout sends.
 */
export function accountOf(
  sellerId: string,
  currency: Currency,
  entries: readonly LedgerEntry[],
  now: Date,
): Account {
  const byKind = (kind: LedgerEntry["kind"]) => entries.filter((e) => e.kind === kind);
  const keyed = (kind: LedgerEntry["kind"]) =>
    new Map(byKind(kind).map((e) => [e.orderId as string, e]));
  const releases = keyed("release");
  const reversals = keyed("reversal");
  const payouts = byKind("payout").sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  // Stripe mode: a payout is sent once its transfer is recorded; the sandbox's at once.
  const transferred = new Set(byKind("transfer").map((t) => t.payoutId));
  const paidBy = new Map<string, LedgerEntry>();
  for (const p of payouts) for (const o of p.orderIds ?? []) paidBy.set(o, p);

  const sum = (list: LedgerEntry[], field: "amount" | "fee" = "amount") =>
    list.reduce((total, e) => total + (e[field] ?? 0), 0);
  const credits = byKind("credit").sort((a, b) => b.at.getTime() - a.at.getTime());
  const sales = credits.map((c): SaleLine => {
    const orderId = c.orderId as string;
    const release = releases.get(orderId);
    const payout = paidBy.get(orderId);
    const availableAt = release?.availableAt ?? null;
    let status: SaleStatus = "pending";
    if (reversals.has(orderId)) status = "reversed";
    else if (payout) status = "paid";
    else if (availableAt && availableAt.getTime() <= now.getTime()) status = "available";
    return {
      orderId,
      ticketId: c.ticketId as string,
      title: c.title ?? "",
      eventDate: c.eventDate ?? c.at,
      soldAt: c.at,
      price: c.price ?? c.amount,
      fee: c.fee ?? 0,
      net: c.amount,
      status,
      availableAt,
      payoutId: payout?._id ?? null,
      paidAt: payout?.at ?? null,
    };
  });
  const pending = sales.filter((s) => s.status === "pending").reduce((t, s) => t + s.net, 0);
  const paid = sum(payouts);
  const balance = sum(credits) - sum(byKind("reversal")) - paid;
  return {
    sellerId,
    currency,
    pending,
    available: balance - pending,
    paid,
    balance,
    fees: sum(credits, "fee") - sum(byKind("reversal"), "fee"),
    sales,
    payouts: payouts
      .map((p) => ({
        id: p._id,
        amount: p.amount,
        at: p.at,
        sales: p.orderIds?.length ?? 0,
        mode: p.mode ?? "sandbox",
        status:
          p.mode === "stripe" && !transferred.has(p._id) ? ("sending" as const) : ("sent" as const),
      }))
      .reverse(),
    payable: sales.filter((s) => s.status === "available").map((s) => s.orderId),
    nextPayoutSeq: (payouts.at(-1)?.seq ?? 0) + 1,
  };
}
