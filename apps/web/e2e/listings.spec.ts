import { expect, type Page, test } from "@playwright/test";
import { newAccount, pageErrors, registered, signInThroughForm } from "./accounts";
import { daysAhead, listTickets, uniqueEvent } from "./market";

async function fillListing(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
}

test("a seller lists tickets, finds them by search, edits them and deletes them", async ({
  page,
}) => {
  const errors = pageErrors(page);
  await registered(page, newAccount("Sam Seller"));
  const event = uniqueEvent("The National");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sell" }).click();
  await expect(page).toHaveURL(/\/sell$/);

  // Nothing filled: every required field says what it needs, and focus goes to the first.
  await page.getByRole("button", { name: "List tickets" }).click();
  const eventField = page.getByLabel("Event", { exact: true });
  await expect(eventField).toBeFocused();
  await expect(eventField).toHaveAccessibleDescription(/Enter the event name\./);
  await expect(page.getByLabel("Price per ticket")).toHaveAccessibleDescription(
    /Enter an amount like 45 or 45\.50\./,
  );

  await fillListing(page, {
    Event: event,
    Venue: "Royal Albert Hall",
    City: "London",
    "Date and time at the venue": daysAhead(40),
    "Number of tickets": "2",
    "Section (optional)": "Stalls K",
    "Row (optional)": "K",
    "Seats (optional)": "14–15",
    Currency: "GBP",
    "Price per ticket": "80",
    "Face value per ticket": "65.50",
  });
  // Above face value: the tickets service's fairness rule answers beside the price.
  await page.getByRole("button", { name: "List tickets" }).click();
  const price = page.getByLabel("Price per ticket");
  await expect(price).toHaveAccessibleDescription(
    /The price can be at most £65\.50 a ticket \(its face value\)\./,
  );
  await expect(price).toBeFocused();

  await price.fill("60");
  await page.getByRole("button", { name: "List tickets" }).click();
  await expect(page).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
  const listingUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: event })).toBeVisible();
  await expect(page.getByText("£120.00")).toBeVisible();
  await expect(page.getByText("8% below face value")).toBeVisible();
  await expect(page.getByRole("button", { name: "Purchase" })).toBeDisabled();
  await expect(page.getByText("This is your listing")).toBeVisible();

  // The landing page finds it by a word of its name.
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill(event.split(" ").at(-1) ?? "");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.getByRole("list", { name: /^Listings/ });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await results.getByRole("link", { name: event }).click();
  await expect(page).toHaveURL(listingUrl);

  await page.getByRole("link", { name: "Edit listing" }).click();
  await expect(page.getByLabel("Price per ticket")).toHaveValue("60.00");
  await expect(page.getByLabel("Date and time at the venue")).toHaveValue(daysAhead(40));
  await expect(page.getByLabel("Venue time zone")).toHaveValue("Europe/London");
  await fillListing(page, { Event: `${event} (late show)`, "Price per ticket": "55" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(listingUrl);
  await expect(page.getByRole("heading", { level: 1, name: `${event} (late show)` })).toBeVisible();
  await expect(page.getByText("£110.00")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My listings" })
    .click();
  const mine = page.getByRole("list", { name: "Your listings" }).getByRole("listitem").filter({
    hasText: event,
  });
  await expect(mine.getByText("Available")).toBeVisible();

  // Delete asks first; keeping the listing puts focus back on the button.
  const remove = mine.getByRole("button", { name: `Delete ${event} (late show)` });
  await remove.click();
  await expect(mine.getByText(/^Delete “.*”\? Buyers will no longer see it\./)).toBeFocused();
  await mine.getByRole("button", { name: "Keep it" }).click();
  await expect(remove).toBeFocused();
  await remove.click();
  await mine.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: event })).toHaveCount(0);

  await page.goto(`/?q=${encodeURIComponent(event.split(" ").at(-1) ?? "")}`);
  await expect(page.getByRole("heading", { name: "No listings match" })).toBeVisible();
  expect(errors).toEqual([]);
  const gone = await page.goto(listingUrl);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("the landing page filters, sorts and pages through the address, which can be shared", async ({
  page,
  browser,
  baseURL,
}) => {
  await registered(page);
  const token = uniqueEvent("Pager").split(" ")[1] ?? "";
  // 26 listings: a first page of 24 and a second of 2, prices 10.00 to 35.00.
  for (let i = 0; i < 26; i++) {
    await listTickets(page, {
      eventName: `Pager ${token} ${String(i).padStart(2, "0")}`,
      city: i % 2 === 0 ? "Lisbon" : "Porto",
      quantity: 1,
      pricePerTicket: 1_000 + i * 100,
      faceValuePerTicket: 4_000,
      eventDate: new Date(Date.now() + (10 + i) * 86_400_000).toISOString(),
    });
  }

  await page.goto(`/?q=${token}&sort=price`);
  const results = page.getByRole("list", { name: /^Listings/ });
  await expect(results.getByRole("listitem")).toHaveCount(24);
  await expect(results.getByRole("listitem").first()).toContainText("$10.00");
  await page.getByRole("link", { name: /Next page/ }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results.getByRole("listitem").last()).toContainText("$35.00");
  await expect(page.getByText("Page 2", { exact: true })).toBeVisible();

  // The address is the page: another browser opens it and sees the same results.
  const shared = page.url();
  const other = await browser.newContext({ baseURL });
  const visitor = await other.newPage();
  await visitor.goto(shared);
  await expect(visitor.getByRole("list", { name: /^Listings/ }).getByRole("listitem")).toHaveCount(
    2,
  );
  await other.close();

  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(results.getByRole("listitem")).toHaveCount(24);

  // Filters: city and a price range in major units (per ticket).
  await page.getByLabel("City", { exact: true }).fill("Porto");
  await page.getByLabel("Min price").fill("20");
  await page.getByLabel("Max price").fill("25.50");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).not.toHaveURL(/after=/);
  // Porto has the odd ones: 11.00, 13.00, ... of which 21.00, 23.00 and 25.00 are in range.
  await expect(results.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByLabel("Min price")).toHaveValue("20.00");

  // A listing's page shows more from the same seller (their other available listings).
  const opened = results.getByRole("listitem").first().getByRole("link");
  const openedName = (await opened.textContent()) ?? "";
  await opened.click();
  await expect(page.getByRole("heading", { level: 1, name: openedName })).toBeVisible();
  const more = page.getByRole("region", { name: /^More from / });
  await expect(more.getByRole("listitem")).toHaveCount(4);
  await expect(more.getByText(openedName, { exact: true })).toHaveCount(0);

  // Newest first puts the last one listed on top.
  await page.goto(`/?q=${token}&sort=newest`);
  await expect(results.getByRole("listitem").first()).toContainText(`Pager ${token} 25`);
  await expect(page.getByLabel("Sort by")).toHaveValue("newest");
});

test("a signed-out visitor signs in from the listing and comes back to purchase", async ({
  page,
  context,
}) => {
  await registered(page);
  const listing = await listTickets(page, { eventName: uniqueEvent("Khruangbin") });
  await context.clearCookies();
  const buyer = await registered(page, newAccount("Bea Buyer"));
  await context.clearCookies();

  await page.goto(`/listings/${listing.id}`);
  await page.getByRole("link", { name: "Sign in to purchase" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flistings%2F/);
  await signInThroughForm(page, buyer);
  await expect(page).toHaveURL(new RegExp(`/listings/${listing.id}$`));
  await expect(page.getByRole("button", { name: "Purchase" })).toBeEnabled();
});

test("every page that needs an account answers a signed-out visitor with a redirect to sign-in", async ({
  request,
}) => {
  const id = "0123456789abcdef01234567";
  for (const path of [
    "/sell",
    "/my-listings",
    `/listings/${id}/edit`,
    "/orders",
    `/orders/${id}`,
    `/orders/${id}/confirmation`,
    `/checkout/${id}`,
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location).toBe(`/signin?${new URLSearchParams({ callbackUrl: path })}`);
  }
});
