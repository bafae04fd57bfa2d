import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { type AuthSession, type Listing, zoneOfCity } from "@tx/api-contracts";
import { authSteps, ticketsSteps } from "@tx/test-kit";
import { type Account, accountOn } from "./accounts";

/** An event name no other test uses, so a search finds exactly this test's listings. */
export function uniqueEvent(prefix = "Quartet"): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

/** A date this many days ahead, as the sell form's datetime-local value (the venue's clocks). */
export function daysAhead(days: number, time = "19:30"): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

export type ListingInput = {
  eventName: string;
  venue?: string;
  city?: string;
  /** The venue's zone (default: the city's, as the sell form picks it). */
  timeZone?: string;
  eventDate?: string;
  quantity?: number;
  currency?: "USD" | "EUR" | "GBP";
  pricePerTicket?: number;
  faceValuePerTicket?: number;
  section?: string;
};

const sessions = new Map<string, AuthSession>();

/** The account's own session at the auth service, signed in once and again when it runs out. */
async function sessionOf(account: Account): Promise<AuthSession> {
  const known = sessions.get(account.email);
  if (known && Date.parse(known.accessTokenExpiresAt) - Date.now() > 20_000) return known;
  const url = process.env.E2E_AUTH_URL;
  if (!url) throw new Error("E2E_AUTH_URL is set by global-setup");
  const session = await authSteps(url).signIn.mutate({
    email: account.email,
    password: account.password,
  });
  sessions.set(account.email, session);
  return session;
}

/**
 * Lists tickets as the user signed in on `page`, straight at the tickets service as the
 * seller's own client (the browser may not: tickets.create is not browser-callable), for
 * journeys about buying rather than selling.
 */
export async function listTickets(page: Page, input: ListingInput): Promise<Listing> {
  const url = process.env.E2E_TICKETS_URL;
  if (!url) throw new Error("E2E_TICKETS_URL is set by global-setup");
  const { accessToken } = await sessionOf(accountOn(page));
  return ticketsSteps(url, accessToken).create.mutate({
    venue: "The Fillmore",
    city: "San Francisco",
    eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    quantity: 2,
    currency: "USD",
    pricePerTicket: 5_000,
    faceValuePerTicket: 5_000,
    ...input,
    // The venue's zone: as given, else the city's (as the sell form picks it), else UTC.
    timeZone: input.timeZone ?? zoneOfCity(input.city ?? "San Francisco") ?? "UTC",
  });
}

export type Card = { number: string; expiry?: string; cvc?: string };

export const cards = {
  good: { number: "4242 4242 4242 4242" },
  declined: { number: "4000 0000 0000 0002" },
  authenticate: { number: "4000 0027 6000 3184" },
} satisfies Record<string, Card>;

export const billing = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

/** Fills the sandbox card form (card and billing address) and presses Pay. */
export async function pay(page: Page, card: Card, fillBilling = true): Promise<void> {
  await page.getByLabel("Card number").fill(card.number);
  await page.getByLabel("Expiry date").fill(card.expiry ?? "12 / 34");
  await page.getByLabel("Security code (CVC)").fill(card.cvc ?? "123");
  if (fillBilling) {
    await page.getByLabel("Name on the card").fill(billing.name);
    await page.getByLabel("Address line 1").fill(billing.line1);
    await page.getByLabel("City").fill(billing.city);
    await page.getByLabel("Postal code").fill(billing.postalCode);
    await page.getByLabel("Country").selectOption(billing.country);
  }
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Opens the listing and presses Purchase; the checkout opens. Returns the order id. */
export async function purchase(page: Page, listingId: string): Promise<string> {
  await page.goto(`/listings/${listingId}`);
  await page.getByRole("button", { name: "Purchase" }).click();
  await expect(page).toHaveURL(/\/checkout\/[a-f0-9]{24}$/);
  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}

export { emailTo, mailText } from "./mail";
