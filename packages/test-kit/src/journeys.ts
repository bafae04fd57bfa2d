/** Steps of a purchase, through the services' HTTP APIs as a client makes them. */
import path from "node:path";
import type {
  AuthSession,
  Listing,
  Order,
  ServiceName,
  UpdateListingInput,
} from "@tx/api-contracts";
import { answerOf, authSteps, ordersSteps, ticketsSteps } from "./clients";
import { emailLinkTokenFor, watchEmailedLinks } from "./emailed-links";
import type { Infra } from "./infra";
import { waitFor } from "./net";
import { type Stack, type StackOptions, startStack } from "./stack";
import { trpcMutation } from "./trpc-http";

export type NewUser = { email: string; name: string; password: string };

/**
 * Registers users through the auth service and follows each one's confirmation link, a
 * few at a time (argon2 is costly): the accounts exist, signed in, as after a real sign-up.
 * The link ids are read from the event stream (see emailed-links.ts), not from email.
 */
export async function registerConfirmed(
  stack: Pick<Stack, "urls" | "env">,
  users: NewUser[],
): Promise<AuthSession[]> {
  const secret = stack.env.EMAIL_LINK_SECRET;
  if (!secret) throw new Error("the stack has no EMAIL_LINK_SECRET");
  const links = await watchEmailedLinks(stack.env.NATS_URL ?? "", "user.registration_requested");
  const auth = authSteps(stack.urls.auth);
  const sessions: AuthSession[] = [];
  try {
    for (let i = 0; i < users.length; i += 8) {
      const batch = users.slice(i, i + 8);
      await Promise.all(batch.map((u) => auth.register.mutate(u)));
      const emails = batch.map((u) => u.email.trim().toLowerCase());
      const ids = await links.idsFor(emails);
      // In the order asked for, not the order the events arrived in: sessions[i] is users[i].
      sessions.push(
        ...(await Promise.all(
          emails.map((email) =>
            auth.confirmRegistration.mutate({
              token: emailLinkTokenFor(secret, "confirm", ids.get(email) ?? ""),
            }),
          ),
        )),
      );
    }
  } finally {
    await links.close();
  }
  return sessions;
}

/** `count` new confirmed users named after `prefix`, signed in. */
export async function registerUsers(
  stack: Pick<Stack, "urls" | "env">,
  prefix: string,
  count: number,
): Promise<AuthSession[]> {
  const stamp = Date.now();
  return registerConfirmed(
    stack,
    Array.from({ length: count }, (_, i) => ({
      email: `${prefix}-${i}-${stamp}@example.com`,
      name: `${prefix} ${i}`,
      password: "correct horse battery staple",
    })),
  );
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

/**
 * `seller` deletes `listing`, or reprices it with its other terms as they are (what a buyer
 * racing the seller meets). The raw answer, so that a race can see who won.
 */
export function changeListing(
  stack: Pick<Stack, "urls">,
  seller: AuthSession,
  listing: Listing,
  change: "delete" | { pricePerTicket: number },
) {
  if (change === "delete") {
    return trpcMutation(stack.urls.tickets, "delete", { id: listing.id }, seller.accessToken);
  }
  const changes: UpdateListingInput["changes"] = {
    eventName: listing.eventName,
    venue: listing.venue,
    city: listing.city,
    eventDate: listing.eventDate,
    timeZone: listing.timeZone,
    quantity: listing.quantity,
    currency: listing.price.currency,
    pricePerTicket: change.pricePerTicket,
    faceValuePerTicket: listing.faceValue.amount,
  };
  return trpcMutation<Listing>(
    stack.urls.tickets,
    "update",
    { id: listing.id, changes },
    seller.accessToken,
  );
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
