import { randomBytes, randomUUID } from "node:crypto";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import {
  type AuthSession,
  DEAD_LETTER_PREFIX,
  type Listing,
  type Order,
  type ServiceName,
  type TicketFile,
} from "@tx/api-contracts";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  listTicket,
  placeOrder,
  registerConfirmed,
  registerUsers,
  type Stack,
  serviceClient,
  waitFor,
} from "@tx/test-kit";
import type { TicketsRouter } from "@tx/tickets/router";

export type People = {
  alice: AuthSession;
  bob: AuthSession;
  mallory: AuthSession;
  olive: AuthSession;
};

/** Olive is the operator: the stack must be started with OPERATOR_EMAILS set to this. */
export const OPERATOR_EMAIL = `olive-${process.pid}-${Date.now()}@example.com`;

/**
 * Alice sells, Bob buys, Mallory tries everything on things that are not hers, and Olive
 * operates (her account is named in OPERATOR_EMAILS).
 */
export async function people(stack: Stack): Promise<People> {
  const [alice, bob, mallory] = (await registerUsers(stack, "authz", 3)) as [
    AuthSession,
    AuthSession,
    AuthSession,
  ];
  const [olive] = (await registerConfirmed(stack, [
    {
      email: OPERATOR_EMAIL,
      name: "Olive Operator",
      password: "correct horse battery staple",
    },
  ])) as [AuthSession];
  return { alice, bob, mallory, olive };
}

/**
 * A dead letter of `service`, written where its consumers would leave one: a valid
 * ticket.created of a listing nobody has, so replaying it is harmless. Returns its seq.
 */
export async function deadLetterOf(stack: Stack, service: ServiceName): Promise<number> {
  const nc = await connect({ servers: stack.env.NATS_URL });
  try {
    const id = randomBytes(12).toString("hex");
    const envelope = {
      id: randomUUID(),
      type: "ticket.created",
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      data: {
        id,
        version: 0,
        title: "Dead letter",
        price: { amount: 1_000, currency: "USD" },
        quantity: 1,
        total: { amount: 1_000, currency: "USD" },
        eventDate: new Date(Date.now() + 86_400_000).toISOString(),
        venue: "Hall",
        city: "Leeds",
        sellerId: randomBytes(12).toString("hex"),
        status: "available",
      },
    };
    const durable = `${service}__ticket_created`;
    const ack = await jetstream(nc).publish(
      `${DEAD_LETTER_PREFIX}.${service}.${durable}`,
      JSON.stringify({
        durable,
        subject: "ticket.created",
        streamSeq: 1,
        deliveryCount: 1,
        reason: "permanent",
        error: "PermanentError: written by the authorization matrix",
        failedAt: new Date().toISOString(),
        msgId: envelope.id,
        payload: JSON.stringify(envelope),
      }),
    );
    return ack.seq;
  } finally {
    await nc.close();
  }
}

export async function aliceListing(stack: Stack, p: People): Promise<Listing> {
  return listTicket(stack, p.alice, `Authz ${Date.now()}`);
}

/** A listing of Alice's held by Bob, with Bob's payment started. */
export async function bobsOrder(stack: Stack, p: People): Promise<Order> {
  const listing = await aliceListing(stack, p);
  const order = await placeOrder(stack, p.bob, listing.id);
  const payments = serviceClient<PaymentsRouter>(stack.urls.payments, p.bob.accessToken);
  await waitFor("Bob's payment to start", async () => {
    const res = await answerOf(payments.start.mutate({ orderId: order.id }));
    return res.status === 200;
  });
  return order;
}

// --- Issue 21: ticket delivery ------------------------------------------------------------

/** A small PDF (by its first bytes, which is what the upload checks). */
export const ticketPdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2_000, 0x20)]);

/** Uploads a file through the tickets service's raw route, as the web app streams it. */
export function uploadFile(
  stack: Stack,
  token: string | undefined,
  body: Buffer = ticketPdf,
  listingId?: string,
): Promise<Response> {
  const query = listingId ? `?listingId=${listingId}` : "";
  return fetch(`${stack.urls.tickets}/delivery/files/upload${query}`, {
    method: "POST",
    headers: {
      "x-file-name": "ticket.pdf",
      "content-type": "application/octet-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
}

/** A listing of Alice's with one e-ticket file, and that file. */
export async function aliceDownloadListing(stack: Stack, p: People) {
  const uploaded = await uploadFile(stack, p.alice.accessToken);
  if (uploaded.status !== 201) throw new Error(`upload failed: ${await uploaded.text()}`);
  const file = (await uploaded.json()) as TicketFile;
  const tickets = serviceClient<TicketsRouter>(stack.urls.tickets, p.alice.accessToken);
  const listing = await tickets.create.mutate({
    eventName: `Authz files ${Date.now()}`,
    venue: "Hall",
    city: "Leeds",
    eventDate: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    timeZone: "Europe/London",
    quantity: 1,
    currency: "USD",
    pricePerTicket: 2_000,
    faceValuePerTicket: 2_000,
    delivery: { method: "download", fileIds: [file.id] },
  });
  return { listing, file };
}

const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
const billing = { name: "B", line1: "1 Road", city: "Leeds", postalCode: "LS1", country: "GB" };

/**
 * `buyer` buys `listing` with a card that pays, and waits until tickets has started its
 * delivery. Returns the order.
 */
export async function buy(stack: Stack, buyer: AuthSession, listing: Listing): Promise<Order> {
  // Refused as unknown until the orders service's replica has the listing.
  const order = await waitFor(
    "the order",
    async () => (await answerOf(placeOrder(stack, buyer, listing.id))).data,
  );
  const payments = serviceClient<PaymentsRouter>(stack.urls.payments, buyer.accessToken);
  await waitFor("the payment to start", async () => {
    const res = await answerOf(payments.start.mutate({ orderId: order.id }));
    return res.status === 200;
  });
  await payments.sandbox.confirm.mutate({ orderId: order.id, card, billing });
  const tickets = serviceClient<TicketsRouter>(stack.urls.tickets, buyer.accessToken);
  await waitFor(
    "the delivery to start",
    async () =>
      (await answerOf(tickets.delivery.forOrder.query({ orderId: order.id }))).data ?? undefined,
    { timeoutMs: 30_000 },
  );
  return order;
}

let mallorysOrder: Promise<Order> | undefined;

/** Mallory buys a listing of Alice's too: she is "the buyer of another order" everywhere. */
export function mallorysPurchase(stack: Stack, p: People): Promise<Order> {
  mallorysOrder ??= aliceListing(stack, p).then((listing) => buy(stack, p.mallory, listing));
  return mallorysOrder;
}

/** Bob's completed order of one of Alice's transfer listings; `reported`: Alice reported it. */
export async function bobsTransfer(stack: Stack, p: People, reported = false) {
  await mallorysPurchase(stack, p);
  const listing = await aliceListing(stack, p);
  const order = await buy(stack, p.bob, listing);
  if (reported) {
    const tickets = serviceClient<TicketsRouter>(stack.urls.tickets, p.alice.accessToken);
    await tickets.delivery.reportTransfer.mutate({
      ticketId: listing.id,
      reference: "Sent in the venue's app",
    });
  }
  return { listing, order };
}
