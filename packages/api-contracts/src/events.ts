import { z } from "zod";
import { IsoDateTime, Money, ObjectIdString } from "./common";
import { PaymentMode } from "./payments";
import { TimeZone } from "./time-zones";

/**
 * The event catalog: every subject on the bus, with the zod schema of its data.
 * A service never emits or accepts anything that these schemas did not parse.
 */
const Version = z.number().int().nonnegative();
const Title = z.string().min(1).max(200);

export const OrderStatus = z.enum(["awaiting_payment", "complete", "cancelled", "refunded"]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const TicketStatus = z.enum(["available", "reserved", "sold"]);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const CancelReason = z.enum(["expired", "user", "payment_failed", "listing_changed"]);
export type CancelReason = z.infer<typeof CancelReason>;

export const RefundReason = z.enum([
  "order_expired",
  "order_cancelled",
  "duplicate",
  "requested",
  "listing_changed",
  // Issue 21: a transfer the seller did not report by its deadline.
  "delivery_failed",
]);
export type RefundReason = z.infer<typeof RefundReason>;

export const UserRegisteredData = z.object({
  id: ObjectIdString,
  email: z.email(),
  name: z.string().min(1).max(100),
});

/**
 * A listing as the other services need it, priced as buyers pay (all-in): `price` is per
 * ticket, `total` is the lot. Issue 22: `buyerFee` is the part of `price` that is the buyer's
 * fee (BUYER_FEE_BPS, per ticket; absent on events from before it: none), the rest is the
 * seller's price.
 */
const TicketSnapshot = {
  id: ObjectIdString,
  version: Version,
  title: Title,
  price: Money,
  quantity: z.number().int().min(1).max(10),
  total: Money,
  buyerFee: Money.optional(),
  eventDate: IsoDateTime,
  venue: z.string().min(1).max(200),
  city: z.string().min(1).max(200),
  /** Issue 23: the venue's zone (absent on events from before zones; read as UTC). */
  timeZone: TimeZone.optional(),
};

export const TicketCreatedData = z.object({
  ...TicketSnapshot,
  sellerId: ObjectIdString,
  status: TicketStatus,
});

export const TicketUpdatedData = z.object({
  ...TicketSnapshot,
  sellerId: ObjectIdString,
  status: TicketStatus,
  orderId: ObjectIdString.optional(),
  /** Issue 23: the price per ticket before this change, when the seller changed it. */
  previousPrice: Money.optional(),
});

export const TicketDeletedData = z.object({ id: ObjectIdString, version: Version });

export const OrderCreatedData = z.object({
  id: ObjectIdString,
  version: Version,
  userId: ObjectIdString,
  status: OrderStatus,
  expiresAt: IsoDateTime,
  /**
   * The listing as the buyer holds it; `price` is what the whole order costs, all-in, of which
   * `buyerFee` (issue 22; absent: none) is the buyer's fee and the rest the seller's price.
   */
  ticket: z.object({
    id: ObjectIdString,
    /** The version of the listing the order was made from: tickets reserves only that one. */
    version: Version,
    price: Money,
    buyerFee: Money.optional(),
    title: Title,
    eventDate: IsoDateTime,
    venue: z.string().min(1).max(200),
    city: z.string().min(1).max(200),
    quantity: z.number().int().min(1).max(10),
    /** Issue 23: the venue's zone (absent on events from before zones; read as UTC). */
    timeZone: TimeZone.optional(),
  }),
});

export const OrderCancelledData = z.object({
  id: ObjectIdString,
  version: Version,
  ticket: z.object({ id: ObjectIdString }),
  reason: CancelReason,
});

export const OrderCompletedData = z.object({
  id: ObjectIdString,
  version: Version,
  ticket: z.object({ id: ObjectIdString }),
});

export const ExpirationCompletedData = z.object({ orderId: ObjectIdString });

export const PaymentSucceededData = z.object({
  id: ObjectIdString,
  orderId: ObjectIdString,
  amount: z.number().int().positive(),
  currency: Money.shape.currency,
  providerRef: z.string().min(1).max(255),
});

export const PaymentRefundedData = z.object({
  id: ObjectIdString,
  orderId: ObjectIdString,
  amount: z.number().int().positive(),
  currency: Money.shape.currency,
  reason: RefundReason,
});

// --- Issue 18: a listing that changed is never sold; account recovery ---

/**
 * tickets would not reserve the listing for an order: it was deleted, or the seller changed
 * it after the version the order was made from. orders cancels (listing_changed), payments
 * charges nothing (and refunds a charge that already went through). `listing` is the
 * listing as it is now, when it still exists: the buyer sees the new terms.
 */
export const TicketReservationRejectedData = z.object({
  orderId: ObjectIdString,
  ticketId: ObjectIdString,
  reason: z.enum(["deleted", "changed"]),
  /** The listing version the order was made from. */
  orderedVersion: Version,
  listing: z
    .object({ version: Version, title: Title, price: Money, total: Money, quantity: z.number() })
    .optional(),
});

/** The id of an emailed link; the link's token is it plus an HMAC only auth and notifications can make. */
const EmailLinkId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/**
 * Someone registered an email with no account: the link in the email creates it. The event
 * carries the link's id, not its token: the stream and its dead letters are read by more
 * than the mail sender (see service-kit email-links.ts). The link works once, for a day.
 */
export const UserRegistrationRequestedData = z.object({
  email: z.email(),
  name: z.string().min(1).max(100),
  linkId: EmailLinkId,
  expiresAt: IsoDateTime,
});

/** Someone registered an email that already has an account: its owner is told, nobody else. */
export const UserRegistrationRepeatedData = z.object({
  userId: ObjectIdString,
  email: z.email(),
  name: z.string().min(1).max(100),
});

/** A reset link for this account (its id, as above); it works once, for 30 minutes. */
export const UserPasswordResetRequestedData = z.object({
  userId: ObjectIdString,
  email: z.email(),
  name: z.string().min(1).max(100),
  linkId: EmailLinkId,
  expiresAt: IsoDateTime,
});

/** The password changed (by a reset link, or signed in); every other session was ended. */
export const UserPasswordChangedData = z.object({
  userId: ObjectIdString,
  email: z.email(),
  name: z.string().min(1).max(100),
  changedAt: IsoDateTime,
  via: z.enum(["reset", "change"]),
});

const issue18Events = {
  "ticket.reservation_rejected": TicketReservationRejectedData,
  "user.registration_requested": UserRegistrationRequestedData,
  "user.registration_repeated": UserRegistrationRepeatedData,
  "user.password_reset_requested": UserPasswordResetRequestedData,
  "user.password_changed": UserPasswordChangedData,
} as const;

// --- Issue 21: ticket delivery (published by tickets, through its outbox) -------------------

/** How the tickets reach the buyer: files the seller uploaded, or a transfer in the venue's app. */
export const DeliveryMethod = z.enum(["download", "transfer"]);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

/**
 * Where a sold listing's delivery stands. `ready`: files available to the buyer;
 * `transfer_requested`: the seller must transfer by the deadline; `transferred`: the seller
 * reported it; `confirmed`: the buyer has the tickets; `failed`: the deadline passed
 * (the buyer is refunded); `disputed`: the buyer reported a problem.
 */
export const DeliveryState = z.enum([
  "ready",
  "transfer_requested",
  "transferred",
  "confirmed",
  "failed",
  "disputed",
]);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** How a delivery came to be confirmed: every file downloaded, the buyer said so, or no dispute by after the event. */
export const DeliveryConfirmedHow = z.enum(["downloaded", "buyer_confirmed", "no_dispute"]);
export type DeliveryConfirmedHow = z.infer<typeof DeliveryConfirmedHow>;

export const DeliveryFailedReason = z.enum(["not_transferred"]);
export type DeliveryFailedReason = z.infer<typeof DeliveryFailedReason>;

/** A transfer reference as the venue's app gives it, or what the seller can say of it. */
export const TransferReference = z
  .string()
  .trim()
  .min(1, "Enter the transfer's reference, or how you sent it.")
  .max(200, "Use at most 200 characters.");

/** What a buyer says went wrong. */
export const DeliveryProblem = z
  .string()
  .trim()
  .min(1, "Say what went wrong.")
  .max(1000, "Use at most 1000 characters.");

/**
 * Who and what every delivery fact is about, and when it happened: enough for a consumer
 * (payouts, issue 22) to act on one event alone. `price` is what the buyer paid for the lot.
 */
const DeliveryParties = {
  orderId: ObjectIdString,
  ticketId: ObjectIdString,
  buyerId: ObjectIdString,
  sellerId: ObjectIdString,
  price: Money,
  at: IsoDateTime,
};

export const DeliveryReadyData = z.object({
  ...DeliveryParties,
  files: z.number().int().min(1).max(10),
});
export const DeliveryTransferRequestedData = z.object({
  ...DeliveryParties,
  deadline: IsoDateTime,
});
export const DeliveryTransferredData = z.object({
  ...DeliveryParties,
  reference: TransferReference,
});
export const DeliveryConfirmedData = z.object({ ...DeliveryParties, how: DeliveryConfirmedHow });
export const DeliveryFailedData = z.object({
  ...DeliveryParties,
  reason: DeliveryFailedReason,
  deadline: IsoDateTime,
});
export const DeliveryDisputedData = z.object({ ...DeliveryParties, problem: DeliveryProblem });

const deliveryEvents = {
  "delivery.ready": DeliveryReadyData,
  "delivery.transfer_requested": DeliveryTransferRequestedData,
  "delivery.transferred": DeliveryTransferredData,
  "delivery.confirmed": DeliveryConfirmedData,
  "delivery.failed": DeliveryFailedData,
  "delivery.disputed": DeliveryDisputedData,
} as const;

// --- end of issue 21 ------------------------------------------------------------------------

// --- Issue 22: seller payouts (the ledger's facts, published by payments, through its outbox) --

/** A ledger entry's key: the fact it records (`credit:<orderId>`, `payout:<seller>:<currency>:<n>`). */
const EntryId = z.string().min(1).max(200);

/** A sale credited to its seller, pending: `net` = `price` - `fee` (PLATFORM_FEE_BPS). */
export const LedgerCreditedData = z.object({
  entryId: EntryId,
  orderId: ObjectIdString,
  ticketId: ObjectIdString,
  sellerId: ObjectIdString,
  title: Title,
  price: Money,
  fee: Money,
  net: Money,
  eventDate: IsoDateTime,
  at: IsoDateTime,
});

/** The delivery is confirmed: the credit can be paid out from `availableAt` (event + hold). */
export const LedgerReleasedData = z.object({
  entryId: EntryId,
  orderId: ObjectIdString,
  sellerId: ObjectIdString,
  net: Money,
  availableAt: IsoDateTime,
  at: IsoDateTime,
});

/** The buyer was refunded: the credit is taken back (after a payout, the balance goes negative). */
export const LedgerReversedData = z.object({
  entryId: EntryId,
  orderId: ObjectIdString,
  sellerId: ObjectIdString,
  price: Money,
  fee: Money,
  net: Money,
  afterPayout: z.boolean(),
  at: IsoDateTime,
});

/** A payout sent to a seller: the available balance of one currency, above PAYOUT_MINIMUM. */
export const LedgerPaidOutData = z.object({
  entryId: EntryId,
  sellerId: ObjectIdString,
  amount: Money,
  orderIds: z.array(ObjectIdString).max(10_000),
  /** Recorded by the sandbox, or a Stripe Connect transfer. */
  mode: PaymentMode,
  providerRef: z.string().min(1).max(255),
  at: IsoDateTime,
});

const ledgerEvents = {
  "ledger.credited": LedgerCreditedData,
  "ledger.released": LedgerReleasedData,
  "ledger.reversed": LedgerReversedData,
  "ledger.paid_out": LedgerPaidOutData,
} as const;

// --- end of issue 22 ------------------------------------------------------------------------

// --- Issue 23: saved searches -------------------------------------------------------------

/** A listing as a saved search's email names it. */
export const SearchMatchListing = z.object({
  id: ObjectIdString,
  title: Title,
  venue: z.string().min(1).max(200),
  city: z.string().min(1).max(200),
  eventDate: IsoDateTime,
  timeZone: TimeZone,
  price: Money,
});

/**
 * New or cheaper listings that match a saved search, grouped: at most one per search per
 * hour. `unsubscribe` is the signed token of the email's unsubscribe link (no sign-in).
 */
export const TicketSearchMatchedData = z.object({
  searchId: ObjectIdString,
  userId: ObjectIdString,
  searchName: z.string().min(1).max(200),
  listings: z.array(SearchMatchListing).min(1).max(50),
  /** How many matched in all (the email lists at most 50). */
  matched: z.number().int().min(1),
  unsubscribe: z.string().min(1).max(200),
});

/** Subject -> schema of its data. The single source for publishers and consumers. */
export const eventCatalog = {
  "user.registered": UserRegisteredData,
  "ticket.created": TicketCreatedData,
  "ticket.updated": TicketUpdatedData,
  "ticket.deleted": TicketDeletedData,
  "order.created": OrderCreatedData,
  "order.cancelled": OrderCancelledData,
  "order.completed": OrderCompletedData,
  "expiration.completed": ExpirationCompletedData,
  "payment.succeeded": PaymentSucceededData,
  "payment.refunded": PaymentRefundedData,
  ...issue18Events,
  ...deliveryEvents,
  ...ledgerEvents,
  // Issue 23
  "ticket.search.matched": TicketSearchMatchedData,
} as const;

export type Subject = keyof typeof eventCatalog;
export type EventData<S extends Subject> = z.infer<(typeof eventCatalog)[S]>;
export const subjects = Object.keys(eventCatalog) as Subject[];

export const SCHEMA_VERSION = 1;

/** The envelope every message carries, its data not yet checked; `id` is also the Nats-Msg-Id header. */
export const Envelope = z.object({
  id: z.uuid(),
  type: z.enum(subjects as [Subject, ...Subject[]]),
  occurredAt: IsoDateTime,
  schemaVersion: z.literal(SCHEMA_VERSION),
  data: z.unknown(),
});

/** An envelope of subject `S` whose data the catalog parsed: the schema's type, narrowed. */
export type Envelope<S extends Subject = Subject> = Omit<
  z.infer<typeof Envelope>,
  "type" | "data"
> & {
  type: S;
  data: EventData<S>;
};

/** Parses an envelope whose type must be `subject`, with its data checked against the catalog. */
export function parseEnvelope<S extends Subject>(subject: S, raw: unknown): Envelope<S> {
  const base = Envelope.parse(raw);
  if (base.type !== subject) {
    throw new Error(`envelope type ${base.type} does not match subject ${subject}`);
  }
  const data = eventCatalog[subject].parse(base.data) as EventData<S>;
  return { ...base, type: subject, data };
}

/** Streams: one for the domain events, one where consumers put what they could not handle. */
export const EVENTS_STREAM = "TICKETEX_EVENTS";
export const EVENTS_STREAM_SUBJECTS = [
  "user.>",
  "ticket.>",
  "order.>",
  "expiration.>",
  "payment.>",
  "delivery.>",
  // Issue 22.
  "ledger.>",
];
export const DEAD_LETTER_STREAM = "TICKETEX_DEAD_LETTERS";
export const DEAD_LETTER_PREFIX = "deadletter";
