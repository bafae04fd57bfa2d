import { expect, type Locator, type Page, test } from "@playwright/test";
import type { TicketStatus } from "@tx/api-contracts";
import { ticketsSteps } from "@tx/test-kit";
import { newAccount, pageErrors, registered } from "./accounts";
import { ORDER_HOLD_SECONDS } from "./global-setup";
import { listTickets, purchase, uniqueEvent } from "./market";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

/** How soon after the event an open page must show it (the "within a second"). */
const WITHIN_MS = 1_000;

/** Polls the tickets service itself until the listing has `status`: the moment of the event. */
async function momentOf(listingId: string, status: TicketStatus): Promise<number> {
  const url = process.env.E2E_TICKETS_URL;
  if (!url) throw new Error("E2E_TICKETS_URL is set by global-setup");
  const tickets = ticketsSteps(url);
  const deadline = Date.now() + (ORDER_HOLD_SECONDS + 30) * 1_000;
  while (Date.now() < deadline) {
    if ((await tickets.get.query({ id: listingId })).status === status) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`listing ${listingId} never became ${status}`);
}

/** What is left of the second after the event, for an assertion that must hold by then. */
const remaining = (since: number) => Math.max(1, WITHIN_MS - (Date.now() - since));

/** The status badge of the listing's card on the landing page, and of its own page. */
const cardStatus = (landing: Page, event: string): Locator =>
  landing
    .getByRole("article")
    .filter({ has: landing.getByRole("heading", { name: event }) })
    .locator("[data-listing-status]");
const pageStatus = (page: Page): Locator =>
  page.getByRole("region", { name: "The tickets" }).locator("[data-listing-status]");

/** The page has its stream open: the first state it was sent has arrived. */
async function following(page: Page) {
  await expect(page.locator('[data-live="on"]').first()).toBeAttached({ timeout: 10_000 });
}

test("another buyer's open listing page and landing card turn Reserved within a second, and Available again when the hold ends", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout((ORDER_HOLD_SECONDS + 60) * 1_000);
  // The seller lists; the watcher (a browser of its own) has the listing and the landing open.
  const sellerContext = await browser.newContext({ baseURL });
  const sellerPage = await sellerContext.newPage();
  await registered(sellerPage, newAccount("Sam Seller"));
  const event = uniqueEvent("Mitski");
  const listing = await listTickets(sellerPage, { eventName: event });

  const watcherContext = await browser.newContext({ baseURL });
  const watcher = await watcherContext.newPage();
  const errors = pageErrors(watcher);
  await registered(watcher, newAccount("Wes Watcher"));
  await watcher.goto(`/listings/${listing.id}`);
  const landing = await watcherContext.newPage();
  await landing.goto(`/?q=${encodeURIComponent(event)}`);
  const watcherPurchase = watcher.getByRole("button", { name: "Purchase" });
  await expect(watcherPurchase).toBeEnabled();
  await expect(pageStatus(watcher)).toHaveText("Available");
  await expect(cardStatus(landing, event)).toHaveText("Available");
  await following(watcher);
  await following(landing);

  // Another buyer presses Purchase: the tickets are held for them.
  await registered(page, newAccount("Bea Buyer"));
  const [reservedAt] = await Promise.all([
    momentOf(listing.id, "reserved"),
    purchase(page, listing.id),
  ]);
  await Promise.all([
    expect(pageStatus(watcher)).toHaveText("Reserved", { timeout: remaining(reservedAt) }),
    expect(cardStatus(landing, event)).toHaveText("Reserved", { timeout: remaining(reservedAt) }),
    expect(watcherPurchase).toBeDisabled({ timeout: remaining(reservedAt) }),
  ]);
  await expect(watcher.getByText("A buyer is holding these tickets")).toBeVisible();
  await screenshotAtEveryWidth(watcher, "listing-reserved-live");
  await screenshotAtEveryWidth(landing, "landing-card-reserved-live");

  // The buyer never pays: the hold ends, and both pages offer the tickets again.
  const releasedAt = await momentOf(listing.id, "available");
  await Promise.all([
    expect(pageStatus(watcher)).toHaveText("Available", { timeout: remaining(releasedAt) }),
    expect(cardStatus(landing, event)).toHaveText("Available", {
      timeout: remaining(releasedAt),
    }),
    expect(watcherPurchase).toBeEnabled({ timeout: remaining(releasedAt) }),
  ]);
  // No reload happened: the same documents changed in place.
  expect(await watcher.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
  expect(errors).toEqual([]);
  await watcherContext.close();
  await sellerContext.close();
});

test("the landing page announces a new listing that matches its search", async ({
  page,
  browser,
  baseURL,
}) => {
  const event = uniqueEvent("Wednesday");
  await page.goto(`/?q=${encodeURIComponent(event)}`);
  await expect(page.getByText("No listings match")).toBeVisible();
  // A first listing so the page has results (and a stream), then a second one.
  const sellerContext = await browser.newContext({ baseURL });
  const sellerPage = await sellerContext.newPage();
  await registered(sellerPage, newAccount("Sam Seller"));
  await listTickets(sellerPage, { eventName: event });
  await page.goto(`/?q=${encodeURIComponent(event)}`);
  await following(page);
  await listTickets(sellerPage, { eventName: `${event} matinee` });
  await expect(page.getByText(`A new listing matches your search: ${event} matinee.`)).toBeVisible({
    timeout: 5_000,
  });
  await page.getByRole("link", { name: "Show the latest results" }).click();
  await expect(page.getByRole("heading", { name: `${event} matinee` })).toBeVisible();
  await sellerContext.close();
});
