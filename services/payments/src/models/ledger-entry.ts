import type { Currency, PaymentMode } from "@tx/api-contracts";
import { outboxPlugin, type WithOutbox } from "@tx/service-kit";
import mongoose from "mongoose";

export const ledgerKinds = ["credit", "release", "reversal", "payout", "transfer"] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * One fact about a seller's money, written once and never changed (only the outbox field,
 * the plumbing that publishes its event, is emptied by the relay). The _id names the fact,
 * so the same fact arriving twice is refused by the primary key:
 * - `credit:<orderId>`: the sale, pending; `amount` = price - fee;
 * - `release:<orderId>`: the delivery was confirmed; the credit is payable from `availableAt`;
 * - `reversal:<orderId>`: the buyer was refunded; the credit is taken back;
 * - `payout:<sellerId>:<currency>:<n>`: the seller's n-th payout in that currency: the money
 *   leaves the balance here. The sandbox marks it paid at once;
 * - `transfer:<payout id>`: Stripe mode: the Connect transfer that sent that payout (written
 *   after Stripe answered; a payout without one is still being sent). It moves no balance.
 * Balances are sums over these entries (domain/ledger.ts), never stored.
 */
export type LedgerEntry = WithOutbox & {
  _id: string;
  kind: LedgerKind;
  sellerId: string;
  currency: Currency;
  /** Minor units, never negative; the kind says which way it counts. */
  amount: number;
  at: Date;
  orderId?: string;
  ticketId?: string;
  title?: string;
  eventDate?: Date;
  /** Credit and reversal: what the buyer paid, and the platform's part of it. */
  price?: number;
  fee?: number;
  /** Release: from when the credit may be paid out. */
  availableAt?: Date;
  /** Reversal: the credit had already been paid out (the balance goes negative). */
  afterPayout?: boolean;
  /** Payout: the sales it paid, its sequence number, how and under which provider reference. */
  orderIds?: string[];
  seq?: number;
  mode?: PaymentMode;
  providerRef?: string;
  /** Payout and transfer in Stripe mode: the seller's connected account. */
  destination?: string;
  /** Transfer: the payout it sent. */
  payoutId?: string;
};

const schema = new mongoose.Schema<LedgerEntry>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ledgerKinds },
    sellerId: { type: String, required: true },
    currency: { type: String, required: true },
    amount: { type: Number, required: true, min: 0 },
    at: { type: Date, required: true },
    orderId: String,
    ticketId: String,
    title: String,
    eventDate: Date,
    price: Number,
    fee: Number,
    availableAt: Date,
    afterPayout: Boolean,
    orderIds: { type: [String], default: undefined },
    seq: Number,
    mode: String,
    providerRef: String,
    destination: String,
    payoutId: String,
  },
  { versionKey: false, collection: "ledger" },
);
schema.plugin(outboxPlugin);
// A seller's entries (earnings, payout runs); MongoDB serves it, FerretDB scans.
schema.index({ sellerId: 1, currency: 1 });

export const LedgerEntryModel = mongoose.model<LedgerEntry>("LedgerEntry", schema);
