import { expect, type Page, test } from "@playwright/test";
import type { ServiceName } from "@tx/api-contracts";
import { newAccount, pageErrors, registered } from "./accounts";
import { expectAccessible } from "./axe";
import {
  cards,
  changeTickets,
  listTickets,
  pay,
  purchase,
  sellerAndBuyer,
  uniqueEvent,
} from "./market";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

// Issue 20: what a new buyer trips on, page by page. Each journey is one of its items; the
// seller (in a browser of their own) lists two tickets at $65.00 each ($130.00 in all).
// Two or three accounts, several pages and axe-core a journey: past 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** The listing's page, once its live stream has sent its first state. */
async function openLive(page: Page, listingId: string) {
  await page.goto(`/listings/${listingId}`);
  await expect(page.locator("[data-live]")).toHaveAttribute("data-live", "on");
}

/** The listing's page with its live stream cut off: it hears of a change only by asking. */
async function openDeaf(page: Page, listingId: string) {
  await page.route("**/api/trpc/tickets/live**", (route) => route.abort());
  await page.goto(`/listings/${listingId}`);
  await expect(page.getByRole("button", { name: "Purchase" })).toBeEnabled();
}

/** Stops or starts one of the stack's services (global-setup's control server). */
async function service(name: ServiceName, action: "kill" | "start") {
  const res = await fetch(`${process.env.E2E_CONTROL_URL}/${name}/${action}`, { method: "POST" });
  if (!res.ok) throw new Error(`${action} ${name}: ${res.status} ${await res.text()}`);
}

test("1. a buyer who already holds a listing is led to their own checkout, never told 'someone else'", async ({
  page,
  browser,
  baseURL,
}) => {
  const errors = pageErrors(page);
  const { sellerContext, listing } = await sellerAndBuyer(browser, page, baseURL);
  // A second tab, open before the hold, following the listing live; a third one deaf to it.
  const second = await page.context().newPage();
  await openLive(second, listing.id);
  const third = await page.context().newPage();
  await openDeaf(third, listing.id);

  const orderId = await purchase(page, listing.id);
  // The live tab learns of the hold and that it is the viewer's own.
  await expect(second.getByText("You are holding these tickets")).toBeVisible();
  await expect(second.getByRole("link", { name: "Go to your checkout" })).toHaveAttribute(
    "href",
    `/checkout/${orderId}`,
  );
  await expect(second.getByText("A buyer is holding these tickets")).toHaveCount(0);
  // Purchase pressed again in the tab that did not hear: their own checkout, not a refusal.
  await third.getByRole("button", { name: "Purchase" }).click();
  await expect(third).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  // A page opened now says the same.
  await page.goto(`/listings/${listing.id}`);
  await expect(page.getByText("You are holding these tickets")).toBeVisible();
  await expectAccessible(page, "a listing the viewer holds");
  await page.getByRole("link", { name: "Go to your checkout" }).click();
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));

  // Anyone else is told a buyer holds them, and gets no link to that checkout.
  const rivalContext = await browser.newContext({ baseURL });
  const rival = await rivalContext.newPage();
  await registered(rival, newAccount("Rita Rival"));
  await rival.goto(`/listings/${listing.id}`);
  await expect(rival.getByText("A buyer is holding these tickets")).toBeVisible();
  await expect(rival.getByRole("link", { name: "Go to your checkout" })).toHaveCount(0);
  await rivalContext.close();
  await sellerContext.close();
  expect(errors).toEqual([]);
});

test("2. Back after paying shows the order paid, with the way to its confirmation, not the card form", async ({
  page,
  browser,
  baseURL,
}) => {
  const { sellerContext, listing } = await sellerAndBuyer(browser, page, baseURL);
  const orderId = await purchase(page, listing.id);
  await pay(page, cards.good);
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`));
  await expect(
    page.getByRole("heading", { level: 1, name: "Your tickets are confirmed" }),
  ).toBeVisible({ timeout: 15_000 });

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await expect(page.getByText("This order is paid")).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(page.getByText("Tickets held for you for")).toHaveCount(0);
  await expectAccessible(page, "a paid order's checkout");
  await page.getByRole("link", { name: "See your confirmation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`));
  await sellerContext.close();
});

test("3. a listing removed while its page is open says so on Purchase; a new price is told and shown", async ({
  page,
  browser,
  baseURL,
}) => {
  const { sellerPage, sellerContext, listing } = await sellerAndBuyer(browser, page, baseURL);
  // Repriced while open: the stream reports it and the page shows the new price at once.
  await openLive(page, listing.id);
  await changeTickets(sellerPage, listing, { pricePerTicket: 6_000 });
  await expect(
    page.getByText(
      "The price changed from $65.00 to $60.00 a ticket: check the new total, $120.00.",
    ),
  ).toBeVisible();
  const price = page.getByRole("region", { name: "Price" });
  await expect(price.getByText("Total for 2 tickets")).toBeVisible();
  await expect(price.getByText("$120.00", { exact: true }).first()).toBeVisible();
  await expect(price.getByText("$130.00", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Purchase" })).toBeEnabled();

  // Removed while a deaf page shows it: its Purchase says what happened, and goes.
  const deaf = await page.context().newPage();
  await openDeaf(deaf, listing.id);
  await changeTickets(sellerPage, listing, "delete");
  await deaf.getByRole("button", { name: "Purchase" }).click();
  await expect(deaf.getByText("The seller removed this listing").first()).toBeVisible({
    timeout: 15_000,
  });
  await expect(deaf.getByRole("button", { name: "Purchase" })).toHaveCount(0);
  await expect(deaf.getByText("This listing does not exist.")).toHaveCount(0);
  await expect(deaf.locator("[data-listing-status]")).toHaveAttribute(
    "data-listing-status",
    "deleted",
  );
  await expect(deaf.getByRole("link", { name: "Back to the listings" })).toBeVisible();
  await expectAccessible(deaf, "a listing removed while open");
  // The live page heard it too.
  await expect(page.getByText("The seller removed this listing")).toBeVisible();
  await expect(page.getByRole("button", { name: "Purchase" })).toHaveCount(0);
  await sellerContext.close();
});

test("4. a price changed between the listing page and the checkout is said before the Pay button", async ({
  page,
  browser,
  baseURL,
}) => {
  const { sellerPage, sellerContext, listing } = await sellerAndBuyer(browser, page, baseURL);
  await openDeaf(page, listing.id);
  await expect(page.getByRole("region", { name: "Price" }).getByText("$130.00")).toBeVisible();
  await changeTickets(sellerPage, listing, { pricePerTicket: 6_000 });
  // The orders service hears of the new price within milliseconds; this margin is for a
  // loaded machine (a Purchase before it would be cancelled as listing_changed instead).
  await page.waitForTimeout(3_000);
  await page.getByRole("button", { name: "Purchase" }).click();
  await expect(page).toHaveURL(/\/checkout\/[a-f0-9]{24}(\?|$)/);
  const notice = page.getByText("The price changed since you opened the listing");
  await expect(notice).toBeVisible();
  await expect(
    page.getByText(/The listing showed \$130\.00 in all; this order's total is \$120\.00/),
  ).toBeVisible();
  // Before the Pay button, in reading order.
  const pay = page.getByRole("button", { name: "Pay $120.00" });
  await expect(pay).toBeVisible();
  const [noticeBox, payBox] = await Promise.all([notice.boundingBox(), pay.boundingBox()]);
  expect(noticeBox?.y ?? 0).toBeLessThan(payBox?.y ?? 0);
  await expectAccessible(page, "a checkout whose price changed");
  await sellerContext.close();
});

test("5. the checkout reloaded while orders is down says 'temporarily unavailable' in the site's layout", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { sellerContext, listing } = await sellerAndBuyer(browser, page, baseURL);
  const orderId = await purchase(page, listing.id);
  await service("orders", "kill");
  try {
    await page.reload();
    await expect(
      page.getByRole("heading", { level: 1, name: "Temporarily unavailable" }),
    ).toBeVisible();
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Ticket Exchange" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the listings" })).toHaveAttribute(
      "href",
      "/",
    );
    await expect(page.getByText("Internal Server Error")).toHaveCount(0);
    await expectAccessible(page, "the checkout's error page");
  } finally {
    await service("orders", "start");
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("timer")).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await sellerContext.close();
});

test("6. a service's 400 says what is wrong in one sentence; the issues stay in data.fieldErrors", async () => {
  const { urls } = JSON.parse(process.env.E2E_SERVICES ?? "{}") as {
    urls: Record<ServiceName, string>;
  };
  const input = encodeURIComponent(JSON.stringify({ limit: "many", sort: 7 }));
  const res = await fetch(`${urls.tickets}/trpc/list?input=${input}`);
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as {
    error: { message: string; data: { code: string; fieldErrors: Record<string, string> } };
  };
  expect(error.data.code).toBe("BAD_REQUEST");
  expect(error.message).toMatch(/^The request is not valid: [^[\]{}\n]+\.$/);
  expect(Object.keys(error.data.fieldErrors)).toContain("limit");
});

test("issue 20's pages: holding, removed, repriced, paid, price changed at checkout, unavailable", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const { sellerPage, sellerContext, listing } = await sellerAndBuyer(browser, page, baseURL);
  await openLive(page, listing.id);
  await changeTickets(sellerPage, listing, { pricePerTicket: 6_000 });
  await expect(page.getByText(/The price changed from \$65\.00 to \$60\.00/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Price" }).getByText("$130.00")).toHaveCount(0);
  await screenshotAtEveryWidth(page, "listing-repriced");

  const orderId = await purchase(page, listing.id);
  await page.goto(`/listings/${listing.id}`);
  await expect(page.getByText("You are holding these tickets")).toBeVisible();
  await screenshotAtEveryWidth(page, "listing-holding");

  await page.goto(`/checkout/${orderId}?shown=13000`);
  await expect(page.getByText("The price changed since you opened the listing")).toBeVisible();
  await screenshotAtEveryWidth(page, "checkout-price-changed");

  await service("orders", "kill");
  try {
    await page.reload();
    await expect(page.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();
    await screenshotAtEveryWidth(page, "error-unavailable");
  } finally {
    await service("orders", "start");
  }

  await page.goto(`/checkout/${orderId}`);
  await pay(page, cards.good);
  await expect(
    page.getByRole("heading", { level: 1, name: "Your tickets are confirmed" }),
  ).toBeVisible({ timeout: 15_000 });
  await page.goto(`/checkout/${orderId}`);
  await expect(page.getByText("This order is paid")).toBeVisible();
  await screenshotAtEveryWidth(page, "checkout-paid");

  const removed = await browser.newContext({ baseURL });
  const viewer = await removed.newPage();
  const other = await listTickets(sellerPage, { eventName: uniqueEvent("Big Thief") });
  await registered(viewer, newAccount("Vic Viewer"));
  await openLive(viewer, other.id);
  await changeTickets(sellerPage, other, "delete");
  await expect(viewer.getByText("The seller removed this listing")).toBeVisible();
  await screenshotAtEveryWidth(viewer, "listing-removed");
  await removed.close();
  await sellerContext.close();
});
