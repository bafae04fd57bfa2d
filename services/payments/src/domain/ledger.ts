import type { Currency } from "@tx/api-contracts";
import { insertOnce, type Logger, outbox, pendingEvent, RetryLater } from "@tx/service-kit";
import { env } from "../env";
import { type LedgerEntry, LedgerEntryModel } from "../models/ledger-entry";
import { OrderReplicaModel } from "../models/order-replica";
import { PaymentModel } from "../models/payment";
import { splitFee } from "./fees";

/**
 * The sellers' ledger. Every fact is one immutable entry whose _id names it, inserted once
 * (a repeat hits the primary key and writes nothing), with its event in the same write.
 * The credit is written when the sale happens; a refund reverses it, whichever of the two
 * this service hears of first: the credit reads the payment after writing, the refund reads
 * the credit after the payment was marked refunded, so at least one of them sees the other.
 */
const HOUR = 3_600_000;
const money = (amount: number, currency: Currency) => ({ amount, currency });

/** Inserts an entry and its event once; false when the fact was already recorded. */
export function recordEntry(
  entry: Omit<LedgerEntry, "outbox">,
  event: ReturnType<typeof pendingEvent>,
) {
  return insertOnce(() => outbox.save(new LedgerEntryModel(entry), [event]));
}

/** The sale's seller is credited the price less the platform's fee, pending delivery. */
export async function creditSale(
  sale: { orderId: string; ticketId: string; sellerId: string; at: string },
  log: Logger,
): Promise<void> {
  const { orderId } = sale;
  const [payment, order] = await Promise.all([
    PaymentModel.findById(orderId).lean(),
    OrderReplicaModel.findById(orderId).lean(),
  ]);
  if (payment?.status !== "succeeded" && payment?.status !== "refunded") {
    throw new RetryLater(`payment of sold order ${orderId} is ${payment?.status ?? "not known"}`);
  }
  if (!order) throw new RetryLater(`order ${orderId} not replicated yet`);
  // The seller's price: what the buyer paid less the buyer's fee, which is all the platform's.
  const price = payment.amount - (order.buyerFee ?? 0);
  const { fee, net } = splitFee(price, env.PLATFORM_FEE_BPS);
  const at = new Date(sale.at);
  // Replicas made before issue 22 have no event date: the sale's time stands in for it.
  const eventDate = order.eventDate ?? at;
  const entryId = `credit:${orderId}`;
  const inserted = await recordEntry(
    {
      _id: entryId,
      kind: "credit",
      sellerId: sale.sellerId,
      currency: payment.currency,
      amount: net,
      at,
      orderId,
      ticketId: sale.ticketId,
      title: order.title,
      eventDate,
      price,
      fee,
    },
    pendingEvent("ledger.credited", {
      entryId,
      orderId,
      ticketId: sale.ticketId,
      sellerId: sale.sellerId,
      title: order.title,
      price: money(price, payment.currency),
      fee: money(fee, payment.currency),
      net: money(net, payment.currency),
      eventDate: eventDate.toISOString(),
      at: at.toISOString(),
    }),
  );
  if (inserted) log.info({ orderId, sellerId: sale.sellerId, net, fee }, "sale credited");
  // Also on a repeat: a crash may have come between the credit and this check.
  const now = await PaymentModel.findById(orderId, { status: 1 }).lean();
  if (now?.status === "refunded") await reverseSale(orderId, new Date(), log);
}

/**
 * The delivery is confirmed: the credit becomes payable once the event and the hold after
 * it have passed (`availableAt`), so a buyer who was turned away at the door can still complain.
 */
export async function releaseSale(orderId: string, confirmedAt: Date, log: Logger): Promise<void> {
  const credit = await LedgerEntryModel.findById(`credit:${orderId}`).lean();
  if (!credit) throw new RetryLater(`order ${orderId} confirmed before it was credited`);
  const holdEnds = (credit.eventDate ?? credit.at).getTime() + env.PAYOUT_HOLD_HOURS * HOUR;
  const availableAt = new Date(Math.max(confirmedAt.getTime(), holdEnds));
  const entryId = `release:${orderId}`;
  const inserted = await recordEntry(
    {
      _id: entryId,
      kind: "release",
      sellerId: credit.sellerId,
      currency: credit.currency,
      amount: credit.amount,
      at: confirmedAt,
      orderId,
      availableAt,
    },
    pendingEvent("ledger.released", {
      entryId,
      orderId,
      sellerId: credit.sellerId,
      net: money(credit.amount, credit.currency),
      availableAt: availableAt.toISOString(),
      at: confirmedAt.toISOString(),
    }),
  );
  if (inserted) log.info({ orderId, availableAt }, "sale released");
}

/**
 * The buyer was refunded: the credit is taken back in full, fee included. Before a payout
 * the sale simply stops counting; after one the balance goes negative and the next payouts
 * recover it. Nothing to do before the credit exists: creditSale reverses it then.
 */
export async function reverseSale(orderId: string, at: Date, log: Logger): Promise<void> {
  const credit = await LedgerEntryModel.findById(`credit:${orderId}`).lean();
  if (!credit) return;
  const afterPayout =
    (await LedgerEntryModel.exists({ kind: "payout", orderIds: orderId })) !== null;
  const entryId = `reversal:${orderId}`;
  const price = credit.price ?? credit.amount;
  const fee = credit.fee ?? 0;
  const inserted = await recordEntry(
    {
      _id: entryId,
      kind: "reversal",
      sellerId: credit.sellerId,
      currency: credit.currency,
      amount: credit.amount,
      at,
      orderId,
      price,
      fee,
      afterPayout,
    },
    pendingEvent("ledger.reversed", {
      entryId,
      orderId,
      sellerId: credit.sellerId,
      price: money(price, credit.currency),
      fee: money(fee, credit.currency),
      net: money(credit.amount, credit.currency),
      afterPayout,
      at: at.toISOString(),
    }),
  );
  if (inserted) log.warn({ orderId, afterPayout }, "sale reversed");
}
