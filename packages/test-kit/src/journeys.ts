/** Steps of a purchase, through the services' HTTP APIs as a client makes them. */
import path from "node:path";
import type { AuthSession, Listing, Order, ServiceName } from "@tx/api-contracts";
import { emailLinkTokenFor, watchEmailedLinks } from "./emailed-links";
import type { Infra } from "./infra";
import { waitFor } from "./net";
import { type Stack, startStack } from "./stack";
import { trpcMutation, trpcQuery } from "./trpc-http";

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
  const sessions: AuthSession[] = [];
  try {
    for (let i = 0; i < users.length; i += 8) {
      const batch = users.slice(i, i + 8);
      for (const r of await Promise.all(
        batch.map((u) => trpcMutation(stack.urls.auth, "register", u)),
      )) {
        if (r.status !== 200) throw new Error(`register failed: ${r.error?.message}`);
      }
      const ids = await links.idsFor(batch.map((u) => u.email.trim().toLowerCase()));
      const confirmed = await Promise.all(
        [...ids.values()].map((id) =>
          trpcMutation<AuthSession>(stack.urls.auth, "confirmRegistration", {
            token: emailLinkTokenFor(secret, "confirm", id),
          }),
        ),
      );
      for (const r of confirmed) {
        if (!r.data) throw new Error(`confirming a registration failed: ${r.error?.message}`);
        sessions.push(r.data);
      }
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
  const created = await trpcMutation<Listing>(
    stack.urls.tickets,
    "create",
    {
      eventName: name,
      venue: "Fillmore",
      city: "San Francisco",
      eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      quantity: 2,
      currency: "USD",
      pricePerTicket: 5_000,
      faceValuePerTicket: 5_000,
    },
    seller.accessToken,
  );
  if (!created.data) throw new Error(`create listing failed: ${created.error?.message}`);
  const listing = created.data;
  // Purchasable once the orders service's replica has it: probe with the seller's own order,
  // which is refused as FORBIDDEN (own listing) instead of NOT_FOUND once it is there.
  await waitFor("the listing in the orders replica", async () => {
    const probe = await trpcMutation(
      stack.urls.orders,
      "create",
      { ticketId: listing.id },
      seller.accessToken,
    );
    return probe.error?.data?.code === "FORBIDDEN";
  });
  return listing;
}

export async function ticketStatus(stack: Stack, id: string): Promise<string | undefined> {
  return (await trpcQuery<Listing>(stack.urls.tickets, "get", { id })).data?.status;
}

export async function orderOf(stack: Stack, buyer: AuthSession, orderId: string) {
  return (await trpcQuery<Order>(stack.urls.orders, "get", { orderId }, buyer.accessToken)).data;
}

export function startPurchaseStack(
  infra: Infra,
  env: Record<string, string> = {},
  services: ServiceName[] = ["auth", "tickets", "orders", "expiration"],
) {
  return startStack({
    infra: infra.urls,
    logDir: path.join(infra.dir, "logs"),
    services,
    env: { LOG_LEVEL: "warn", ...env },
  });
}
