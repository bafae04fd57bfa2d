import { createHash } from "node:crypto";
import { Currency } from "@tx/api-contracts";
import { type Logger, pendingEvent } from "@tx/service-kit";
import { type Account, accountOf } from "../domain/account";
import { recordEntry } from "../domain/ledger";
import { env } from "../env";
import { gateway } from "../gateway/index";
import { LedgerEntryModel } from "../models/ledger-entry";

/** A seller's accounts, one per currency, from one read of their entries. */
export async function accountsOf(sellerId: string, now: Date): Promise<Account[]> {
  const entries = await LedgerEntryModel.find({ sellerId }, { outbox: 0 }).lean();
  const currencies = Currency.options.filter((c) => entries.some((e) => e.currency === c));
  return currencies.map((c) =>
    accountOf(
      sellerId,
      c,
      entries.filter((e) => e.currency === c),
      now,
    ),
  );
}

/**
 * Pays one account's available balance if it reaches PAYOUT_MINIMUM. The payout's key is the
 * seller's next sequence number in that currency, read with the balance it pays: two runs
 * racing compute the same key and the primary key lets one of them through.
 */
async function payAccount(account: Account, now: Date, log: Logger): Promise<number> {
  if (account.available < env.PAYOUT_MINIMUM) return 0;
  const { mode } = gateway();
  if (mode !== "sandbox") {
    // Stripe Connect transfers are not built yet (issue 22, item 3): nothing is sent.
    log.warn({ sellerId: account.sellerId }, "payout skipped: Stripe Connect not configured");
    return 0;
  }
  const entryId = `payout:${account.sellerId}:${account.currency}:${account.nextPayoutSeq}`;
  // The sandbox records the payout and marks it paid; its reference is fixed by the key.
  const providerRef = `po_sandbox_${createHash("sha256").update(entryId).digest("hex").slice(0, 24)}`;
  const money = { amount: account.available, currency: account.currency };
  const inserted = await recordEntry(
    {
      _id: entryId,
      kind: "payout",
      sellerId: account.sellerId,
      currency: account.currency,
      amount: account.available,
      at: now,
      orderIds: account.payable,
      seq: account.nextPayoutSeq,
      mode,
      providerRef,
    },
    pendingEvent("ledger.paid_out", {
      entryId,
      sellerId: account.sellerId,
      amount: money,
      orderIds: account.payable,
      mode,
      providerRef,
      at: now.toISOString(),
    }),
  );
  if (!inserted) return 0;
  log.info({ sellerId: account.sellerId, ...money, sales: account.payable.length }, "paid out");
  return 1;
}

/** Pays these sellers' available balances above the minimum, per currency; how many payouts. */
export async function payOutSellers(sellers: string[], now: Date, log: Logger): Promise<number> {
  let payouts = 0;
  for (const sellerId of sellers) {
    for (const account of await accountsOf(sellerId, now)) {
      payouts += await payAccount(account, now, log);
    }
  }
  return payouts;
}

/** The payout run: every seller with an entry. */
export async function runPayouts(now: Date, log: Logger): Promise<{ payouts: number }> {
  const sellers: string[] = await LedgerEntryModel.distinct("sellerId");
  const payouts = await payOutSellers(sellers, now, log);
  log.info({ sellers: sellers.length, payouts }, "payout run done");
  return { payouts };
}
