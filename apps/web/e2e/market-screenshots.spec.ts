import { expect, test } from "@playwright/test";
import { demoListings } from "@tx/test-kit";
import { newAccount, registered } from "./accounts";
import { billing, cards, daysAhead, listTickets, pay, purchase } from "./market";
import { height, screenshot, screenshotsTag, widths } from "./screenshots";

// A few listings from the demo catalogue, so the landing page looks as it does in use.
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_WEB_URL });
  const page = await context.newPage();
  await registered(page, newAccount("Rita Reseller"));
  for (const listing of demoListings(6)) await listTickets(page, listing);
  await context.close();
});

for (const width of widths) {
  test(`marketplace screenshots at ${width}px: landing, sell, edit, my listings, listing, checkout, 3-D Secure, confirmation, orders`, {
    tag: screenshotsTag,
  }, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const viewport = { width, height };
    const sellerContext = await browser.newContext({ baseURL, viewport });
    const seller = await sellerContext.newPage();
    await registered(seller, newAccount("Sam Seller"));
    // Only this seller's own pages look for it by name, so it needs no unique suffix.
    const event = "Royal Ballet: Romeo and Juliet";

    await seller.goto("/sell");
    await seller.getByRole("button", { name: "List tickets" }).click();
    await expect(seller.getByLabel("Event", { exact: true })).toBeFocused();
    await screenshot(seller, "sell-errors");

    await seller.getByLabel("Event", { exact: true }).fill(event);
    await seller.getByLabel("Venue", { exact: true }).fill("Royal Opera House");
    await seller.getByLabel("City").fill("London");
    await seller.getByLabel("Date and time at the venue").fill(daysAhead(60, "19:00"));
    await seller.getByLabel("Number of tickets").selectOption("3");
    await seller.getByLabel("Section (optional)").fill("Grand Tier");
    await seller.getByLabel("Row (optional)").fill("C");
    await seller.getByLabel("Seats (optional)").fill("21–23");
    await seller.getByLabel("Currency").selectOption("GBP");
    await seller.getByLabel("Price per ticket").fill("95");
    await seller.getByLabel("Face value per ticket").fill("85");
    await seller
      .getByLabel("Note for buyers (optional)")
      .fill("Mobile transfer as soon as you pay. Great view of the stage.");
    await seller.getByRole("button", { name: "List tickets" }).click();
    await expect(seller.getByLabel("Price per ticket")).toHaveAccessibleDescription(
      /at most £85\.00/,
    );
    await screenshot(seller, "sell");
    await seller.getByLabel("Price per ticket").fill("80");
    await seller.getByRole("button", { name: "List tickets" }).click();
    await expect(seller).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
    const listingId = new URL(seller.url()).pathname.split("/").at(-1) ?? "";
    // A second listing: the buyer holds it and cancels, for the pictures of both lists.
    const other = "Royal Ballet: Swan Lake";
    const otherListing = await listTickets(seller, {
      eventName: other,
      venue: "Royal Opera House",
      city: "London",
      eventDate: new Date(`${daysAhead(75, "19:30")}Z`).toISOString(),
      currency: "GBP",
      pricePerTicket: 6_500,
      faceValuePerTicket: 7_000,
      section: "Stalls Circle",
    });

    await seller.goto(`/listings/${listingId}/edit`);
    await expect(seller.getByLabel("Price per ticket")).toHaveValue("80.00");
    await screenshot(seller, "edit");

    await seller.goto("/my-listings");
    await expect(seller.getByRole("list", { name: "Your listings" })).toBeVisible();
    await screenshot(seller, "my-listings");

    const buyerContext = await browser.newContext({ baseURL, viewport });
    const buyer = await buyerContext.newPage();
    await registered(buyer, newAccount("Bea Buyer"));
    await expect(buyer.getByRole("list", { name: /^Listings/ })).toBeVisible();
    await screenshot(buyer, "landing");

    await buyer.goto(`/?q=${encodeURIComponent("Nothing by this name")}`);
    await expect(buyer.getByRole("heading", { name: "No listings match" })).toBeVisible();
    await screenshot(buyer, "landing-no-results");

    await buyer.goto(`/listings/${listingId}`);
    await expect(buyer.getByRole("button", { name: "Purchase" })).toBeEnabled();
    await screenshot(buyer, "listing");

    const orderId = await purchase(buyer, listingId);
    await expect(buyer.getByRole("timer")).toBeVisible();
    await screenshot(buyer, "checkout");

    await pay(buyer, cards.declined);
    await expect(buyer.getByRole("alert").filter({ hasText: "declined" })).toBeFocused();
    await screenshot(buyer, "checkout-declined");

    await pay(buyer, cards.authenticate, false);
    await expect(buyer.getByRole("heading", { name: "Confirm your payment" })).toBeFocused();
    await screenshot(buyer, "3ds");
    await buyer.getByRole("button", { name: "Complete authentication" }).click();
    await expect(buyer.getByRole("heading", { name: "Your tickets are confirmed" })).toBeVisible({
      timeout: 15_000,
    });
    await expect(buyer.getByText(billing.name)).toBeVisible();
    await screenshot(buyer, "confirmation");

    const cancelledId = await purchase(buyer, otherListing.id);
    await buyer.goto(`/orders/${cancelledId}`);
    const cancelled = buyer.getByRole("region", { name: "Order" });
    await cancelled.getByRole("button", { name: "Cancel order" }).click();
    await cancelled.getByRole("button", { name: "Yes, cancel the order" }).click();
    await expect(cancelled.getByText("Cancelled", { exact: true })).toBeVisible();

    await buyer.goto("/orders");
    await expect(buyer.getByRole("list", { name: /^Orders/ }).getByRole("listitem")).toHaveCount(2);
    await screenshot(buyer, "orders");

    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.getByRole("region", { name: "Timeline" })).toBeVisible();
    // Tickets has heard of the sale: the transfer is requested of the seller.
    await expect(buyer.getByRole("region", { name: "Your tickets" })).toContainText(
      "The seller transfers the tickets",
      { timeout: 15_000 },
    );
    await screenshot(buyer, "order");

    // The cancelled hold releases the other listing through an event: wait for it.
    const status = (name: string, label: string) =>
      seller.getByRole("listitem").filter({ hasText: name }).getByText(label, { exact: true });
    await expect
      .poll(
        async () => {
          await seller.goto("/my-listings");
          return status(other, "Available").isVisible();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect(status(event, "Sold")).toBeVisible();
    await screenshot(seller, "my-listings-sold");

    await buyerContext.close();
    await sellerContext.close();
  });
}
