import { expect, test } from "@playwright/test";
import { newAccount, pageErrors, registered } from "./accounts";
import { cards, listTickets, pay, purchase, uniqueEvent } from "./market";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

test("Earnings: a sale appears pending, with its price and the platform's fee", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await registered(page, newAccount("Sam Seller"));
  await page.goto("/earnings");
  await expect(page.getByRole("heading", { name: "No sales yet" })).toBeVisible();

  const event = uniqueEvent("Khruangbin");
  const listing = await listTickets(page, { eventName: event, pricePerTicket: 4_500 });
  const buyer = await browser.newContext({ baseURL });
  const buyerPage = await buyer.newPage();
  await registered(buyerPage, newAccount("Bea Buyer"));
  const orderId = await purchase(buyerPage, listing.id);
  await pay(buyerPage, cards.good);
  await expect(buyerPage).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`), {
    timeout: 30_000,
  });
  await buyer.close();

  // The credit follows the sale through the bus: look again until it is there.
  await expect(async () => {
    await page.goto("/earnings");
    await expect(page.getByRole("heading", { name: event })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const sale = page.getByRole("article").filter({ hasText: event });
  await expect(sale.getByText("Pending")).toBeVisible();
  // Two tickets at $45.00: $90.00, the platform's 10 % fee $9.00, the seller's $81.00.
  await expect(sale.getByText("Price $90.00 · fee $9.00")).toBeVisible();
  await expect(sale.getByText("$81.00")).toBeVisible();
  await expect(page.getByText("Waiting for the buyer to receive the tickets")).toBeVisible();
  await screenshotAtEveryWidth(page, "earnings");
  expect(errors).toEqual([]);
});
