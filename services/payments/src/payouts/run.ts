import { createHash } from "node:crypto";
import { Currency } from "@tx/api-contracts";
import { insertOnce, type Logger, pendingEvent } from "@tx/service-kit";
import { type Account, accountOf } from "../domain/account";
import { recordEntry } from "../domain/ledger";
import { env } from "../env";
import { gateway } from "../gateway/index";
import { type LedgerEntry, LedgerEntryModel } from "../models/ledger-entry";
import { payoutDestination } from "./connect";

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
  const { mode, connect } = gateway();
  const entryId = `payout:${account.sellerId}:${account.currency}:${account.nextPayoutSeq}`;
  const payout = {
    _id: entryId,
    kind: "payout" as const,
    sellerId: account.sellerId,
    currency: account.currency,
    amount: account.available,
    at: now,
    orderIds: account.payable,
    seq: account.nextPayoutSeq,
    mode,
  };
  const logged = { sellerId: account.sellerId, amount: payout.amount, currency: payout.currency };
  if (!connect) {
    // The sandbox records the payout and marks it paid; its reference is fixed by the key.
    const providerRef = `po_sandbox_${createHash("sha256").update(entryId).digest("hex").slice(0, 24)}`;
    const inserted = await recordEntry(
      { ...payout, providerRef },
      paidOutEvent(entryId, { ...payout, providerRef }, now),
    );
    if (inserted) log.info({ ...logged, sales: payout.orderIds.length }, "paid out");
    return inserted ? 1 : 0;
  }
  const destination = await payoutDestination(account.sellerId);
  if (!destination) {
    log.info(logged, "payout waits: the seller has not finished setting up payouts");
    return 0;
  }
  // Stripe: the payout is decided first (the money leaves the balance, so no later run sends
  // it again), then transferred; a crash in between leaves it for sendUnsentPayouts.
  const decided = await insertOnce(() => LedgerEntryModel.create({ ...payout, destination }));
  if (!decided) return 0;
  await sendTransfer({ ...payout, destination }, log);
  return 1;
}

type StripePayout = Pick<
  LedgerEntry,
  "_id" | "sellerId" | "currency" | "amount" | "orderIds" | "destination"
>;

function paidOutEvent(
  entryId: string,
  payout: Pick<LedgerEntry, "sellerId" | "currency" | "amount" | "orderIds" | "providerRef">,
  at: Date,
) {
  const { mode } = gateway();
  return pendingEvent("ledger.paid_out", {
    entryId,
    sellerId: payout.sellerId,
    amount: { amount: payout.amount, currency: payout.currency },
    orderIds: payout.orderIds ?? [],
    mode,
    providerRef: payout.providerRef ?? "",
    at: at.toISOString(),
  });
}

/**
 * Sends a decided payout as a Connect transfer and records it. The payout's key is the
 * transfer's group and idempotency key: a transfer already made for it (before a crash, or by
 * a racing run) is found and recorded instead of made again.
 */
async function sendTransfer(payout: StripePayout, log: Logger): Promise<void> {
  const connect = gateway().connect;
  if (!connect || !payout.destination) return;
  const group = payout._id;
  const transfer =
    (await connect.findTransfer(group)) ??
    (await connect.transfer({
      amount: payout.amount,
      currency: payout.currency,
      destination: payout.destination,
      group,
      idempotencyKey: group,
    }));
  const entryId = `transfer:${payout._id}`;
  const at = new Date();
  const inserted = await recordEntry(
    {
      _id: entryId,
      kind: "transfer",
      sellerId: payout.sellerId,
      currency: payout.currency,
      amount: payout.amount,
      at,
      orderIds: payout.orderIds,
      mode: "stripe",
      providerRef: transfer.id,
      destination: payout.destination,
      payoutId: payout._id,
    },
    paidOutEvent(entryId, { ...payout, providerRef: transfer.id }, at),
  );
  if (inserted) {
    log.info(
      { sellerId: payout.sellerId, payoutId: payout._id, transfer: transfer.id },
      "paid out",
    );
  }
}

/** Stripe mode: every decided payout whose transfer is not recorded yet is sent now. */
export async function sendUnsentPayouts(log: Logger): Promise<number> {
  if (!gateway().connect) return 0;
  const payouts = await LedgerEntryModel.find(
    { kind: "payout", mode: "stripe" },
    { outbox: 0 },
  ).lean();
  const sent = new Set(
    (await LedgerEntryModel.find({ kind: "transfer" }, { payoutId: 1 }).lean()).map(
      (t) => t.payoutId,
    ),
  );
  const unsent = payouts.filter((p) => !sent.has(p._id));
  for (const payout of unsent) await sendTransfer(payout, log);
  return unsent.length;
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
  const resent = await sendUnsentPayouts(log);
  if (resent > 0) log.warn({ resent }, "payouts decided before a crash sent now");
  const sellers: string[] = await LedgerEntryModel.distinct("sellerId");
  const payouts = await payOutSellers(sellers, now, log);
  log.info({ sellers: sellers.length, payouts }, "payout run done");
  return { payouts };
}
