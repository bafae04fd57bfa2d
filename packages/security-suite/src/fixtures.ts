import type { AuthSession, Listing, Order } from "@tx/api-contracts";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  answerOf,
  listTicket,
  placeOrder,
  registerUsers,
  type Stack,
  serviceClient,
  waitFor,
} from "@tx/test-kit";

export type People = { alice: AuthSession; bob: AuthSession; mallory: AuthSession };

/** Alice sells, Bob buys, Mallory tries everything on things that are not hers. */
export async function people(stack: Stack): Promise<People> {
  const [alice, bob, mallory] = (await registerUsers(stack, "authz", 3)) as [
    AuthSession,
    AuthSession,
    AuthSession,
  ];
  return { alice, bob, mallory };
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
