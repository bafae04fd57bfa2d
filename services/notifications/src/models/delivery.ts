import mongoose from "mongoose";

export const MailKind = [
  "welcome",
  "order-confirmed",
  "order-refunded",
  "confirm-registration",
  "account-exists",
  "password-reset",
  "password-changed",
  // Issue 21: ticket delivery.
  "tickets-ready",
  "transfer-requested",
  "tickets-transferred",
  "delivery-refunded",
  "sale-failed",
  "delivery-disputed",
  // Issue 23
  "saved-search-matched",
  // Issue 22: seller payouts.
  "sale-credited",
  "payout-sent",
] as const;
export type MailKind = (typeof MailKind)[number];

/**
 * One email we decided to send: the lock its tries take (mail/deliver.ts) and what
 * operators see. The _id `<eventId>.<kind>` is unique per (event, kind) and is the
 * idempotency key the provider sees, so every try at one delivery carries the same key.
 */
export type Delivery = {
  _id: string;
  eventId: string;
  kind: MailKind;
  to: string;
  /** Set once the email is rendered (by the try that sends). */
  subject?: string;
  /** pending: not known to be sent yet; sent: a try was accepted by the transport. */
  status: "pending" | "sent";
  transport: string;
  /** Tries claimed so far; the latest is try number `attempts`. */
  attempts: number;
  /** While a try is sending: when it was claimed (its lease runs from here). */
  sendingSince?: Date;
  providerId?: string;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new mongoose.Schema<Delivery>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    kind: { type: String, required: true, enum: MailKind },
    to: { type: String, required: true },
    subject: String,
    status: { type: String, required: true, enum: ["pending", "sent"] },
    transport: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    sendingSince: Date,
    providerId: String,
    lastError: String,
    sentAt: Date,
  },
  { timestamps: true, versionKey: false },
);

export const DeliveryModel = mongoose.model<Delivery>("Delivery", schema);

export const deliveryId = (eventId: string, kind: MailKind) => `${eventId}.${kind}`;
