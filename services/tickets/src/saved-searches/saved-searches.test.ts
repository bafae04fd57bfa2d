import path from "node:path";
import type { AuthSession, CreateListingInput, ListingCriteria } from "@tx/api-contracts";
import {
  answerOf,
  listMessages,
  readMessage,
  registerConfirmed,
  type Stack,
  serviceClient,
  startStack,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketsRouter } from "../trpc/router";

/** Short windows for the test: "at most one email per search per hour" with an hour of 4 s. */
const DIGEST_SECONDS = 4;
const infra = withInfra(["mongo", "nats", "redis", "mail"]);
let stack: Stack;
let seller: AuthSession;
let buyer: AuthSession;
let other: AuthSession;

const run = Date.now().toString(36);
const tickets = (session?: AuthSession) =>
  serviceClient<TicketsRouter>(stack.urls.tickets, session?.accessToken);

/** Accounts made as people make them: registered, then confirmed through the emailed link. */
const newUser = (name: string) => ({
  email: `${name.toLowerCase()}-${run}@example.com`,
  name,
  password: `saved searches ${run} ${name}`,
});
async function account(name: string): Promise<AuthSession> {
  const [session] = await registerConfirmed(stack, [newUser(name)]);
  if (!session) throw new Error(`no session for ${name}`);
  return session;
}

const listing = (over: Partial<CreateListingInput> = {}): CreateListingInput => ({
  eventName: `Phoebe Bridgers ${run}`,
  venue: "Greek Theatre",
  city: "Berkeley",
  eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  timeZone: "America/Los_Angeles",
  quantity: 2,
  currency: "USD",
  pricePerTicket: 8_000,
  faceValuePerTicket: 9_000,
  ...over,
});

const emailsTo = async (to: string) =>
  (await listMessages(infra.infra.urls.MAILPIT_URL)).filter((m) =>
    m.To.some((t) => t.Address === to),
  );
const savedSearchEmails = async (to: string) =>
  (await emailsTo(to)).filter((m) => m.Subject.startsWith("New matches for your saved search"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    services: ["auth", "tickets", "notifications"],
    env: { SAVED_SEARCH_DIGEST_SECONDS: String(DIGEST_SECONDS), LOG_LEVEL: "warn" },
  });
  [seller, buyer, other] = (await registerConfirmed(
    stack,
    ["Seller", "Buyer", "Other"].map(newUser),
  )) as [AuthSession, AuthSession, AuthSession];
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe("saved searches", () => {
  it("are saved, listed and deleted by their owner only", async () => {
    const criteria: ListingCriteria = { q: "Mitski", city: "London" };
    const saved = await tickets(buyer).savedSearches.save.mutate({ criteria });
    expect(saved).toMatchObject({ name: "“Mitski”, in London", criteria, muted: false });
    expect((await tickets(buyer).savedSearches.list.query()).map((s) => s.id)).toContain(saved.id);
    expect(await tickets(other).savedSearches.list.query()).toEqual([]);
    // Another buyer cannot delete it, nor can anyone anonymous save or list.
    const intruder = await answerOf(tickets(other).savedSearches.delete.mutate({ id: saved.id }));
    expect(intruder.status).toBe(404);
    expect((await answerOf(tickets().savedSearches.list.query())).status).toBe(401);
    expect((await answerOf(tickets().savedSearches.save.mutate({ criteria }))).status).toBe(401);
    // A search without any filter would match everything: refused.
    expect(
      (await answerOf(tickets(buyer).savedSearches.save.mutate({ criteria: {} }))).status,
    ).toBe(400);
    await tickets(buyer).savedSearches.delete.mutate({ id: saved.id });
    expect((await tickets(buyer).savedSearches.list.query()).map((s) => s.id)).not.toContain(
      saved.id,
    );
  });

  it("emails once for three matching listings, not for one that does not match, and never after unsubscribing", async () => {
    const saved = await tickets(buyer).savedSearches.save.mutate({
      criteria: { q: `Phoebe ${run}`, city: "Berkeley", maxPrice: 9_000 },
    });
    const seller_ = tickets(seller);
    // Three matches within the window, and three near misses: too dear, elsewhere, other words.
    for (const i of [1, 2, 3]) {
      await seller_.create.mutate(listing({ eventName: `Phoebe Bridgers ${run} night ${i}` }));
    }
    await seller_.create.mutate(listing({ pricePerTicket: 9_500, faceValuePerTicket: 9_500 }));
    await seller_.create.mutate(listing({ city: "Oakland" }));
    await seller_.create.mutate(listing({ eventName: `Big Thief ${run}` }));

    const [email] = await waitFor(
      "the saved search's email",
      async () => {
        const found = await savedSearchEmails(buyer.user.email);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    if (!email) throw new Error("no email");
    const message = await readMessage(infra.infra.urls.MAILPIT_URL, email.ID);
    for (const i of [1, 2, 3]) expect(message.Text).toContain(`Phoebe Bridgers ${run} night ${i}`);
    expect(message.Text).not.toContain("Oakland");
    expect(message.Text).not.toContain("Big Thief");
    expect(message.Text).not.toContain("$95.00");
    // Venue time, by the shared formatter: 7:00 PM-style with the zone's name.
    expect(message.Text).toMatch(/\d{1,2}:\d{2}\s(AM|PM)\sP[SD]T/);
    // The seller's own listings never email the seller, and the window sent exactly one.
    await sleep(DIGEST_SECONDS * 1_000 + 1_500);
    expect(await savedSearchEmails(buyer.user.email)).toHaveLength(1);
    expect(await savedSearchEmails(seller.user.email)).toHaveLength(0);

    // The unsubscribe link: a changed signature is refused, the real one works signed out.
    const link = /saved-searches\/unsubscribe\?token=([^"&\s]+)/.exec(message.HTML)?.[1];
    if (!link) throw new Error(`no unsubscribe link in:\n${message.HTML}`);
    const token = decodeURIComponent(link);
    expect(token.startsWith(`${saved.id}.`)).toBe(true);
    const last = token.at(-1) === "A" ? "B" : "A";
    const forged = await answerOf(
      tickets().savedSearches.unsubscribe.mutate({ token: `${token.slice(0, -1)}${last}` }),
    );
    expect(forged.status).toBe(403);
    const otherSearch = await tickets(other).savedSearches.save.mutate({ criteria: { q: "x1" } });
    const swapped = await answerOf(
      tickets().savedSearches.unsubscribe.mutate({
        token: `${otherSearch.id}${token.slice(saved.id.length)}`,
      }),
    );
    expect(swapped.status).toBe(403);
    expect(await tickets().savedSearches.unsubscribe.mutate({ token })).toEqual({
      name: saved.name,
    });
    expect(
      (await tickets(buyer).savedSearches.list.query()).find((s) => s.id === saved.id)?.muted,
    ).toBe(true);

    // After unsubscribing: a matching listing sends nothing.
    await seller_.create.mutate(listing({ eventName: `Phoebe Bridgers ${run} encore` }));
    await sleep(DIGEST_SECONDS * 1_000 * 2 + 1_500);
    expect(await savedSearchEmails(buyer.user.email)).toHaveLength(1);
  }, 150_000);

  it("hears of a listing whose price drops into its range", async () => {
    const watcher = await account("Watcher");
    await tickets(watcher).savedSearches.save.mutate({
      criteria: { q: `Cheaper ${run}`, maxPrice: 7_000 },
    });
    const created = await tickets(seller).create.mutate(
      listing({ eventName: `Cheaper ${run}`, pricePerTicket: 7_500 }),
    );
    await tickets(seller).update.mutate({
      id: created.id,
      changes: listing({ eventName: `Cheaper ${run}`, pricePerTicket: 6_500 }),
    });
    const [email] = await waitFor(
      "the cheaper listing's email",
      async () => {
        const found = await savedSearchEmails(watcher.user.email);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    if (!email) throw new Error("no email");
    const message = await readMessage(infra.infra.urls.MAILPIT_URL, email.ID);
    expect(message.Text).toContain("$65.00");
  }, 120_000);
});
