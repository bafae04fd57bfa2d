import { expect, test } from "@playwright/test";
import { pageErrors, registered } from "../accounts";
import { cards, listTickets, pay, purchase, uniqueEvent } from "../market";
import { screenshotAtEveryWidth, screenshotsTag } from "../screenshots";

/**
 * Issue 22: all-in prices. With a 10 % buyer's fee, the landing card and the listing page show
 * the price with the fee in it, and the checkout charges exactly that total, broken down.
 */
test("all-in prices: the total on the landing page is the total at checkout, broken down", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await registered(page);
  const event = uniqueEvent("Wet Leg");
  // Two tickets at the seller's $50.00: $55.00 each with the fee, $110.00 in all.
  const listing = await listTickets(page, { eventName: event });
  const buyerContext = await browser.newContext({ baseURL });
  const buyer = await buyerContext.newPage();
  const errors = pageErrors(buyer);
  await registered(buyer);

  await buyer.goto(`/?q=${encodeURIComponent(event)}`);
  const card = buyer.getByRole("article").filter({ hasText: event });
  await expect(card.getByText("$55.00", { exact: true })).toBeVisible();
  await expect(card.getByText("$110.00", { exact: true })).toBeVisible();

  await buyer.goto(`/listings/${listing.id}`);
  const price = buyer.getByRole("region", { name: "Price" });
  await expect(price.getByText(/^\$55\.00/)).toBeVisible();
  await expect(price.getByText("includes a $5.00 service fee")).toBeVisible();
  await expect(price.getByText("$110.00", { exact: true })).toBeVisible();
  await screenshotAtEveryWidth(buyer, "listing-all-in");

  const orderId = await purchase(buyer, listing.id);
  await expect(buyer.getByText("2 × $50.00 = $100.00")).toBeVisible();
  await expect(buyer.getByText("Service fee")).toBeVisible();
  await expect(buyer.getByText("$10.00", { exact: true })).toBeVisible();
  await expect(buyer.getByText("$110.00").first()).toBeVisible();
  await screenshotAtEveryWidth(buyer, "checkout-all-in");
  await pay(buyer, cards.good);
  await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`), {
    timeout: 30_000,
  });
  await expect(buyer.getByText("$110.00").first()).toBeVisible();
  expect(errors).toEqual([]);
  await buyerContext.close();
});
