import { randomBytes, randomUUID } from "node:crypto";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import {
  type AuthSession,
  DEAD_LETTER_PREFIX,
  type Listing,
  type Order,
  type ServiceName,
} from "@tx/api-contracts";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  authSteps,
  listTicket,
  placeOrder,
  registerUsers,
  type Stack,
  serviceClient,
  waitFor,
} from "@tx/test-kit";

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
  const olive = await authSteps(stack.urls.auth).register.mutate({
    email: OPERATOR_EMAIL,
    name: "Olive Operator",
    password: "correct horse battery staple",
  });
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
