import type { AuthSession, Order } from "@tx/api-contracts";
import type { OrdersRouter } from "@tx/orders/router";
import type { PaymentsRouter } from "@tx/payments/router";
import { answerOf, listTicket, type Stack, serviceClient } from "@tx/test-kit";

export const card = { number: "4242424242424242", expiry: "12 / 34", cvc: "123" };
export const billing = {
  name: "C",
  line1: "1 Road",
  city: "Leeds",
  postalCode: "LS1",
  country: "GB",
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const orders = (stack: Stack, buyer: AuthSession) =>
  serviceClient<OrdersRouter>(stack.urls.orders, buyer.accessToken);
const payments = (stack: Stack, buyer: AuthSession) =>
  serviceClient<PaymentsRouter>(stack.urls.payments, buyer.accessToken);

/** A hold on a fresh listing with its payment started, or null if a service refused. */
export async function holdWithPayment(
  stack: Stack,
  seller: AuthSession,
  buyer: AuthSession,
  name: string,
): Promise<Order | null> {
  const listing = await listTicket(stack, seller, name);
  const order = (await answerOf(orders(stack, buyer).create.mutate({ ticketId: listing.id }))).data;
  if (!order) return null;
  for (let i = 0; i < 40; i++) {
    const started = await answerOf(
      payments(stack, buyer).start.mutate({ orderId: order.id }),
    ).catch(() => null);
    if (started?.status === 200) return order;
    await sleep(150);
  }
  return order;
}

/**
 * A buyer who keeps trying (as a person pressing the button again would) until the
 * service answers, for at most `forMs`: the payment, or a cancellation.
 */
export async function keepTrying(
  what: () => Promise<{ status: number } | null>,
  forMs: number,
): Promise<number | null> {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    const res = await what().catch(() => null);
    if (res && res.status < 500) return res.status;
    await sleep(1_000);
  }
  return null;
}

export const payFor = (stack: Stack, buyer: AuthSession, orderId: string) =>
  answerOf(payments(stack, buyer).sandbox.confirm.mutate({ orderId, card, billing }));

export const cancelOf = (stack: Stack, buyer: AuthSession, orderId: string) =>
  answerOf(orders(stack, buyer).cancel.mutate({ orderId }));
