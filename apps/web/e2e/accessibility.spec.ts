import { test } from "@playwright/test";
import { registered } from "./accounts";
import { expectAccessible } from "./axe";
import { listTickets, uniqueEvent } from "./market";

test("public pages have no serious or critical accessibility violations", async ({ page }) => {
  for (const path of ["/", "/signin", "/register", "/status", "/no-such-page"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test("signed-in pages have no serious or critical accessibility violations", async ({
  page,
  browser,
}) => {
  // Two accounts, a purchase and eight pages through axe-core: about 20 s on this 2-core
  // machine when idle, past the default 30 s when it is busy.
  test.setTimeout(90_000);
  await page.goto("/register");
  await registered(page);
  const listing = await listTickets(page, { eventName: uniqueEvent("Axe") });
  for (const path of [
    "/sell",
    "/my-listings",
    "/orders",
    "/account",
    `/listings/${listing.id}`,
    `/listings/${listing.id}/edit`,
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  // A buyer's checkout and order pages.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const buyer = await context.newPage();
  await buyer.goto("/register");
  await registered(buyer);
  await buyer.goto(`/listings/${listing.id}`);
  await buyer.getByRole("button", { name: "Purchase" }).click();
  await buyer.waitForURL(/\/checkout\//);
  await expectAccessible(buyer, "checkout");
  const orderId = buyer.url().split("/checkout/")[1]?.split(/[?#]/)[0];
  await buyer.goto(`/orders/${orderId}`);
  await expectAccessible(buyer, "order page");
  await context.close();
});
