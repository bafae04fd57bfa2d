import type { Currency } from "@tx/api-contracts";
import { LedgerEntryModel, type LedgerKind } from "../models/ledger-entry";

export type KindTotals = { amount: number; fee: number; price: number };

const fields = ["amount", "fee", "price"] as const;

/**
 * The ledger summed by the database, per kind of entry, for the entries `match` selects:
 * the platform's income is credits' fees less reversals' fees. One `$group` per field:
 * FerretDB 1.24 computes only the first accumulator of a `$group` (the others come back 0).
 */
export async function ledgerTotals(match: {
  sellerId?: string | { $in: string[] };
  currency?: Currency;
}): Promise<Record<LedgerKind, KindTotals>> {
  const zero = (): KindTotals => ({ amount: 0, fee: 0, price: 0 });
  const totals = {
    credit: zero(),
    release: zero(),
    reversal: zero(),
    payout: zero(),
    // Stripe mode: the transfers that sent payouts (they move no balance).
    transfer: zero(),
  };
  for (const field of fields) {
    const rows = await LedgerEntryModel.aggregate<{ _id: LedgerKind; sum: number }>([
      { $match: match },
      { $group: { _id: "$kind", sum: { $sum: `$${field}` } } },
    ]);
    for (const row of rows) totals[row._id][field] = row.sum;
  }
  return totals;
}
