import { expect, test } from "@playwright/test";
import { newAccount, pageErrors, registered } from "./accounts";
import { PAYOUT_HOLD_SECONDS } from "./global-setup";
import { emailTo, mailText } from "./mail";
import { cards, listTickets, pay, purchase, uniqueEvent } from "./market";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

test("Earnings: a sale appears pending, with its price and the platform's fee", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  const seller = await registered(page, newAccount("Sam Seller"));
  await page.goto("/earnings");
  await expect(page.getByRole("heading", { name: "No sales yet" })).toBeVisible();
  // The suite runs on the payment sandbox: no Stripe account to connect.
  const payoutAccount = page.getByRole("region", { name: "Payout account" });
  await expect(payoutAccount.getByText("Sandbox", { exact: true })).toBeVisible();
  await expect(payoutAccount.getByText(/no bank account needed/)).toBeVisible();

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
  // The seller hears of the sale, with what it earns them.
  const sold = await emailTo(seller.email, `Your tickets sold: ${event}, you earn $81.00`);
  expect(await mailText(sold)).toContain("Platform fee");
  await screenshotAtEveryWidth(page, "earnings");
  expect(errors).toEqual([]);
});

/**
 * An event that starts soon enough for its hold to end within the test: its hold ends at
 * second 5 of a minute, so the sale is available until the run at second 30 pays it.
 */
function soonEvent(): Date {
  const minute = 60_000;
  const earliest = Date.now() + 75_000; // time to sell, buy, transfer and confirm first
  const holdEnds = Math.ceil((earliest + PAYOUT_HOLD_SECONDS * 1000) / minute) * minute + 5_000;
  return new Date(holdEnds - PAYOUT_HOLD_SECONDS * 1000);
}

test("Earnings: a transferred sale goes from pending to available to paid", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const errors = pageErrors(page);
  const seller = await registered(page, newAccount("Sam Seller"));
  const event = uniqueEvent("Fontaines D.C.");
  const eventDate = soonEvent();
  const listing = await listTickets(page, {
    eventName: event,
    quantity: 1,
    pricePerTicket: 12_345,
    faceValuePerTicket: 12_345,
    eventDate: eventDate.toISOString(),
  });
  const buyerContext = await browser.newContext({ baseURL });
  const buyer = await buyerContext.newPage();
  await registered(buyer, newAccount("Bea Buyer"));
  const orderId = await purchase(buyer, listing.id);
  await pay(buyer, cards.good);
  await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`));

  // The seller transfers, the buyer confirms, before the event.
  const mine = page.getByRole("listitem").filter({ hasText: event });
  await expect
    .poll(
      async () => {
        await page.goto("/my-listings");
        return mine.getByText("To transfer", { exact: true }).isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await mine.getByLabel("Transfer reference").fill("AXS 77");
  await mine.getByRole("button", { name: "I have transferred them" }).click();
  await expect(mine.getByText("Transferred", { exact: true })).toBeVisible();
  await buyer.goto(`/orders/${orderId}`);
  const tickets = buyer.getByRole("region", { name: "Your tickets" });
  await tickets.getByRole("button", { name: "I have the tickets" }).click();
  await tickets.getByRole("button", { name: "Yes, I have them" }).click();
  await expect(tickets.getByText("You confirmed the tickets arrived.")).toBeVisible();
  await buyerContext.close();

  const sale = page.getByRole("article").filter({ hasText: event });
  const statusIs = (label: string, timeout: number) =>
    expect
      .poll(
        async () => {
          await page.goto("/earnings");
          return sale.getByText(label, { exact: true }).isVisible();
        },
        { timeout, intervals: [1_000] },
      )
      .toBe(true);
  // $123.45, the 10 % fee $12.35 (12.345 rounded half up), $111.10 to the seller.
  await statusIs("Pending", 20_000);
  await expect(sale.getByText("Price $123.45 · fee $12.35")).toBeVisible();
  await expect(sale.getByText("$111.10")).toBeVisible();
  await expect(sale.getByText(/^Available from /)).toBeVisible();
  const holdEnds = eventDate.getTime() + PAYOUT_HOLD_SECONDS * 1000;
  await statusIs("Available", holdEnds - Date.now() + 20_000);
  await expect(page.getByRole("definition").filter({ hasText: "$111.10" })).toHaveCount(1);
  await screenshotAtEveryWidth(page, "earnings-available");
  await statusIs("Paid", 90_000);
  await expect(sale.getByText(/^Paid out /)).toBeVisible();
  await screenshotAtEveryWidth(page, "earnings-paid");
  // The payout's email: how much, for how many sales.
  const paid = await mailText(await emailTo(seller.email, "Payout sent: $111.10"));
  expect(paid).toContain("for 1 sale");
  expect(errors).toEqual([]);
});
