/** Steps of a purchase, through the services' HTTP APIs as a client makes them. */
import path from "node:path";
import type { AuthSession, Listing, Order, ServiceName } from "@tx/api-contracts";
import type { Infra } from "./infra";
import { waitFor } from "./net";
import { type Stack, type StackOptions, startStack } from "./stack";
import { trpcMutation, trpcQuery } from "./trpc-http";

/** Registers `count` users through the auth service, a few at a time (argon2 is costly). */
export async function registerUsers(
  stack: Stack,
  prefix: string,
  count: number,
): Promise<AuthSession[]> {
  const sessions: AuthSession[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, count - i) }, (_, j) =>
        trpcMutation<AuthSession>(stack.urls.auth, "register", {
          email: `${prefix}-${i + j}-${Date.now()}@example.com`,
          name: `${prefix} ${i + j}`,
          password: "correct horse battery staple",
        }),
      ),
    );
    for (const r of batch) {
      if (!r.data) throw new Error(`register failed: ${r.error?.message}`);
      sessions.push(r.data);
    }
  }
  return sessions;
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
      timeZone: "America/Los_Angeles",
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
