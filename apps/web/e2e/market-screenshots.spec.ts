import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { newAccount, registered } from "./accounts";
import { billing, cards, daysAhead, pay, purchase, uniqueEvent } from "./market";

const screenshots = path.join(import.meta.dirname, "__screenshots__");
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, name), fullPage: true });

for (const width of [1280, 390]) {
  test(`marketplace screenshots at ${width}px: sell, edit, my listings, listing, checkout, 3-D Secure, confirmation, orders`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const viewport = { width, height: 900 };
    const sellerContext = await browser.newContext({ baseURL, viewport });
    const seller = await sellerContext.newPage();
    await registered(seller, newAccount("Sam Seller"));
    const event = uniqueEvent("Royal Ballet: Romeo and Juliet");

    await seller.goto("/sell");
    await seller.getByRole("button", { name: "List tickets" }).click();
    await expect(seller.getByLabel("Event", { exact: true })).toBeFocused();
    await shoot(seller, `sell-errors-${width}.png`);

    await seller.getByLabel("Event", { exact: true }).fill(event);
    await seller.getByLabel("Venue").fill("Royal Opera House");
    await seller.getByLabel("City").fill("London");
    await seller.getByLabel("Date and time (UTC)").fill(daysAhead(60, "19:00"));
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
    await shoot(seller, `sell-${width}.png`);
    await seller.getByLabel("Price per ticket").fill("80");
    await seller.getByRole("button", { name: "List tickets" }).click();
    await expect(seller).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
    const listingId = new URL(seller.url()).pathname.split("/").at(-1) ?? "";

    await seller.goto(`/listings/${listingId}/edit`);
    await expect(seller.getByLabel("Price per ticket")).toHaveValue("80.00");
    await shoot(seller, `edit-${width}.png`);

    await seller.goto("/my-listings");
    await expect(seller.getByRole("list", { name: "Your listings" })).toBeVisible();
    await shoot(seller, `my-listings-${width}.png`);

    const buyerContext = await browser.newContext({ baseURL, viewport });
    const buyer = await buyerContext.newPage();
    await registered(buyer, newAccount("Bea Buyer"));
    await expect(buyer.getByRole("list", { name: /^Listings/ })).toBeVisible();
    await shoot(buyer, `landing-${width}.png`);

    await buyer.goto(`/listings/${listingId}`);
    await expect(buyer.getByRole("button", { name: "Purchase" })).toBeEnabled();
    await shoot(buyer, `listing-${width}.png`);

    const orderId = await purchase(buyer, listingId);
    await expect(buyer.getByRole("timer")).toBeVisible();
    await shoot(buyer, `checkout-${width}.png`);

    await pay(buyer, cards.declined);
    await expect(buyer.getByRole("alert").filter({ hasText: "declined" })).toBeFocused();
    await shoot(buyer, `checkout-declined-${width}.png`);

    await pay(buyer, cards.authenticate, false);
    await expect(buyer.getByRole("heading", { name: "Confirm your payment" })).toBeFocused();
    await shoot(buyer, `3ds-${width}.png`);
    await buyer.getByRole("button", { name: "Complete authentication" }).click();
    await expect(buyer.getByRole("heading", { name: "Your tickets are confirmed" })).toBeVisible({
      timeout: 15_000,
    });
    await expect(buyer.getByText(billing.name)).toBeVisible();
    await shoot(buyer, `confirmation-${width}.png`);

    await buyer.goto("/orders");
    await expect(buyer.getByRole("list", { name: /^Orders/ })).toBeVisible();
    await shoot(buyer, `orders-${width}.png`);

    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.getByRole("region", { name: "Timeline" })).toBeVisible();
    await shoot(buyer, `order-${width}.png`);

    await seller.goto("/my-listings");
    await expect(
      seller.getByRole("listitem").filter({ hasText: event }).getByText("Sold", { exact: true }),
    ).toBeVisible();
    await shoot(seller, `my-listings-sold-${width}.png`);

    await buyerContext.close();
    await sellerContext.close();
  });
}
