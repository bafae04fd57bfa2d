/** Steps of a purchase, through the services' HTTP APIs as a client makes them. */
import path from "node:path";
import type { AuthSession, Listing, Order, ServiceName } from "@tx/api-contracts";
import { answerOf, authSteps, ordersSteps, ticketsSteps } from "./clients";
import type { Infra } from "./infra";
import { waitFor } from "./net";
import { type Stack, type StackOptions, startStack } from "./stack";

/** Registers `count` users through the auth service, a few at a time (argon2 is costly). */
export async function registerUsers(
  stack: Stack,
  prefix: string,
  count: number,
): Promise<AuthSession[]> {
  const auth = authSteps(stack.urls.auth);
  const sessions: AuthSession[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, count - i) }, (_, j) =>
        auth.register.mutate({
          email: `${prefix}-${i + j}-${Date.now()}@example.com`,
          name: `${prefix} ${i + j}`,
          password: "correct horse battery staple",
        }),
      ),
    );
    sessions.push(...batch);
  }
  return sessions;
}

/** Creates a listing as `seller` and waits until the orders replica has it. */
export async function listTicket(
  stack: Stack,
  seller: AuthSession,
  name: string,
): Promise<Listing> {
  const tickets = ticketsSteps(stack.urls.tickets, seller.accessToken);
  const orders = ordersSteps(stack.urls.orders, seller.accessToken);
  const listing = await tickets.create.mutate({
    eventName: name,
    venue: "Fillmore",
    city: "San Francisco",
    eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    timeZone: "America/Los_Angeles",
    quantity: 2,
    currency: "USD",
    pricePerTicket: 5_000,
    faceValuePerTicket: 5_000,
  });
  // Purchasable once the orders service's replica has it: probe with the seller's own order,
  // which is refused as FORBIDDEN (own listing) instead of NOT_FOUND once it is there.
  await waitFor("the listing in the orders replica", async () => {
    const probe = await answerOf(orders.create.mutate({ ticketId: listing.id }));
    return probe.error?.data?.code === "FORBIDDEN";
  });
  return listing;
}

/** The one way a test orders a listing: `buyer` holds it, and the new order comes back. */
export async function placeOrder(
  stack: Stack,
  buyer: AuthSession,
  ticketId: string,
): Promise<Order> {
  return ordersSteps(stack.urls.orders, buyer.accessToken).create.mutate({ ticketId });
}

/** A fresh listing of `seller`'s, held by `buyer`. */
export async function holdListing(
  stack: Stack,
  seller: AuthSession,
  buyer: AuthSession,
  name: string,
): Promise<{ listing: Listing; order: Order }> {
  const listing = await listTicket(stack, seller, name);
  return { listing, order: await placeOrder(stack, buyer, listing.id) };
}

export async function ticketStatus(stack: Stack, id: string): Promise<string | undefined> {
  return (await answerOf(ticketsSteps(stack.urls.tickets).get.query({ id }))).data?.status;
}

export async function orderOf(stack: Stack, buyer: AuthSession, orderId: string) {
  const orders = ordersSteps(stack.urls.orders, buyer.accessToken);
  return (await answerOf(orders.get.query({ orderId }))).data;
}

export function startPurchaseStack(
  infra: Infra,
  env: Record<string, string> = {},
  services: ServiceName[] = ["auth", "tickets", "orders", "expiration"],
  replicas?: StackOptions["replicas"],
) {
  return startStack({
    infra: infra.urls,
    logDir: path.join(infra.dir, "logs"),
    services,
    replicas,
    env: { LOG_LEVEL: "warn", ...env },
  });
}
