import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { newAccount, pageErrors, registered } from "./accounts";
import {
  cards,
  daysAhead,
  emailTo,
  listTickets,
  mailText,
  pay,
  purchase,
  uniqueEvent,
} from "./market";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

/** A small but real-looking PDF: its first bytes are what the service checks. */
function pdf(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 0, "latin1");
  return bytes;
}

/** A Windows executable (its "MZ" header) renamed to look like a ticket. */
const renamedExe = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
  randomBytes(40_000),
]);

async function fillEvent(page: Page, event: string, quantity: string) {
  await page.getByLabel("Event", { exact: true }).fill(event);
  await page.getByLabel("Venue", { exact: true }).fill("Barbican Hall");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("Date and time at the venue").fill(daysAhead(45, "19:30"));
  await page.getByLabel("Number of tickets").selectOption(quantity);
  await page.getByLabel("Currency").selectOption("GBP");
  await page.getByLabel("Price per ticket").fill("40");
  await page.getByLabel("Face value per ticket").fill("40");
}

test("e-tickets: uploaded with progress, refused by content and size, bought, downloaded byte for byte", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await registered(page, newAccount("Sam Seller"));
  const event = uniqueEvent("Nils Frahm");
  const seat1 = pdf(900_000);
  const seat2 = pdf(120_000);

  await page.goto("/sell");
  await fillEvent(page, event, "2");
  await page.getByLabel("Instant download").check();
  const files = page.getByLabel("E-ticket files");
  await expect(files).toHaveAccessibleDescription(/PDF, PNG or JPEG, up to 5 MB each: 2 files/);

  // A renamed executable and a 6 MB file: refused beside the field, nothing listed.
  await files.setInputFiles([
    { name: "ticket.pdf", mimeType: "application/pdf", buffer: renamedExe },
    { name: "big.pdf", mimeType: "application/pdf", buffer: pdf(6 * 1024 * 1024) },
  ]);
  await expect(files).toHaveAccessibleDescription(
    /ticket\.pdf: The file is not a PDF, PNG or JPEG\./,
  );
  await expect(files).toHaveAccessibleDescription(/big\.pdf: The file is larger than 5 MB\./);
  await expect(page.getByRole("list", { name: "Uploaded files" })).toHaveCount(0);

  // One file is not enough for two tickets: the form says so beside the field.
  await files.setInputFiles({
    name: "Row F seat 11.pdf",
    mimeType: "application/pdf",
    buffer: seat1,
  });
  const list = page.getByRole("list", { name: "Uploaded files" });
  await expect(list.getByText("Uploaded")).toHaveCount(1);
  await page.getByRole("button", { name: "List tickets" }).click();
  await expect(files).toHaveAccessibleDescription(
    /Upload 2 files, one for each ticket \(1 so far\)\./,
  );

  // The upload shows its progress while it goes (throttled so the bar is there to see).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 40 * 1024,
  });
  await files.setInputFiles({
    name: "Row F seat 12.pdf",
    mimeType: "application/pdf",
    buffer: seat2,
  });
  await expect(
    list.getByRole("progressbar", { name: "Uploading Row F seat 12.pdf" }),
  ).toBeVisible();
  await screenshotAtEveryWidth(page, "sell-download");
  await expect(list.getByText("Uploaded")).toHaveCount(2, { timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.getByRole("button", { name: "List tickets" }).click();
  await expect(page).toHaveURL(/\/listings\/[a-f0-9]{24}$/, { timeout: 15_000 });
  const listingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await expect(page.getByText("Instant download", { exact: true })).toBeVisible();
  // Nobody but the seller sees the files before the sale: not even their names.
  await expect(page.getByText("Row F seat 11.pdf")).toHaveCount(0);

  // The edit form lists them, for replacing or removing.
  await page.goto(`/listings/${listingId}/edit`);
  await expect(
    page.getByRole("list", { name: "Uploaded files" }).getByText("Uploaded"),
  ).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Remove Row F seat 11.pdf" })).toBeVisible();
  await screenshotAtEveryWidth(page, "edit-download");

  // The upload route itself refuses what the form would not send.
  const origin = new URL(page.url()).origin;
  const direct = (data: Buffer, name: string) =>
    page.request.post("/api/delivery/upload", {
      headers: { origin, "x-file-name": name, "content-type": "application/octet-stream" },
      data,
    });
  expect((await direct(pdf(6 * 1024 * 1024), "big.pdf")).status()).toBe(413);
  const exe = await direct(renamedExe, "ticket.pdf");
  expect(exe.status()).toBe(415);
  expect(await exe.json()).toEqual({ error: "The file is not a PDF, PNG or JPEG." });

  // A buyer, in a browser of their own, pays; the files are theirs at once.
  const buyerContext = await browser.newContext({ baseURL });
  const buyer = await buyerContext.newPage();
  const buyerAccount = await registered(buyer, newAccount("Bea Buyer"));
  const orderId = await purchase(buyer, listingId);
  await pay(buyer, cards.good);
  await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`));
  await buyer.goto(`/orders/${orderId}`);
  const tickets = buyer.getByRole("region", { name: "Your tickets" });
  const download = tickets.getByRole("link", { name: "Download Row F seat 11.pdf" });
  await expect(download).toBeVisible({ timeout: 15_000 });
  await screenshotAtEveryWidth(buyer, "order-tickets-download");

  const [file] = await Promise.all([buyer.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe("Row F seat 11.pdf");
  expect(readFileSync(await file.path()).equals(seat1)).toBe(true);
  const second = await buyer.request.get(
    (await tickets
      .getByRole("link", { name: "Download Row F seat 12.pdf" })
      .getAttribute("href")) ?? "",
  );
  expect(second.status()).toBe(200);
  expect(second.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(second.headers()["cache-control"]).toBe("no-store");
  expect(Buffer.from(await second.body()).equals(seat2)).toBe(true);

  const email = await emailTo(buyerAccount.email, `Your tickets are ready to download: ${event}`);
  expect(await mailText(email)).toContain(`/orders/${orderId}`);

  // Another signed-in user gets a 404 for the same address, as for a file that does not exist.
  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await registered(other, newAccount("Mallory"));
  const href = (await download.getAttribute("href")) ?? "";
  expect((await other.request.get(href)).status()).toBe(404);
  await otherContext.close();

  // Every file downloaded: the delivery is done, on the buyer's page and the seller's.
  await buyer.reload();
  await expect(tickets.getByText("· downloaded")).toHaveCount(2);
  await page.goto("/my-listings");
  const mine = page.getByRole("listitem").filter({ hasText: event });
  await expect(mine.getByText("Delivered", { exact: true })).toBeVisible();
  await expect(mine.getByText("The buyer has downloaded the e-tickets.")).toBeVisible();
  await buyerContext.close();
  // Chromium logs the upload route's refusal of the renamed executable (415), as for any
  // failed request; nothing else may go wrong.
  const refusal = /status of 415 \(Unsupported Media Type\) \(.*\/api\/delivery\/upload\)$/;
  expect(errors.filter((e) => !refusal.test(e))).toEqual([]);
});

test("a transfer: the seller sees whom to send it to and by when, reports it, and the buyer confirms", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const seller = await registered(page, newAccount("Sam Seller"));
  const event = uniqueEvent("Caroline Polachek");
  const listing = await listTickets(page, { eventName: event, quantity: 2 });
  expect(listing.delivery).toEqual({ method: "transfer", files: 0 });

  const buyerContext = await browser.newContext({ baseURL });
  const buyer = await buyerContext.newPage();
  const buyerAccount = await registered(buyer, newAccount("Bea Buyer"));
  await buyer.goto(`/listings/${listing.id}`);
  await expect(buyer.getByText("Transfer after purchase", { exact: true })).toBeVisible();
  const orderId = await purchase(buyer, listing.id);
  await pay(buyer, cards.good);
  await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/confirmation$`));

  // The seller: on My listings and by email, whom to transfer to and by when.
  const mine = page.getByRole("listitem").filter({ hasText: event });
  await expect
    .poll(
      async () => {
        await page.goto("/my-listings");
        return mine.getByText("To transfer", { exact: true }).isVisible();
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect(mine.getByText(`Transfer these tickets to ${buyerAccount.email} by`)).toBeVisible();
  await screenshotAtEveryWidth(page, "my-listings-transfer");
  const request = await emailTo(seller.email, `Transfer your tickets: ${event}`);
  expect(await mailText(request)).toContain(buyerAccount.email);

  // The buyer sees it requested.
  await buyer.goto(`/orders/${orderId}`);
  const tickets = buyer.getByRole("region", { name: "Your tickets" });
  await expect(tickets).toContainText(`The seller transfers the tickets`);
  await expect(tickets).toContainText(buyerAccount.email);

  // Reported without a reference: refused beside the field; then with one.
  const reference = mine.getByLabel("Transfer reference");
  await mine.getByRole("button", { name: "I have transferred them" }).click();
  await expect(reference).toBeFocused();
  await reference.fill("AXS transfer 55-1021");
  await mine.getByRole("button", { name: "I have transferred them" }).click();
  await expect(mine.getByText("Transferred", { exact: true })).toBeVisible();
  await expect(mine.getByText("AXS transfer 55-1021")).toBeVisible();

  const told = await emailTo(
    buyerAccount.email,
    `The seller has transferred your tickets: ${event}`,
  );
  expect(await mailText(told)).toContain("AXS transfer 55-1021");
  await buyer.reload();
  await expect(tickets).toContainText("reference: AXS transfer 55-1021");
  await screenshotAtEveryWidth(buyer, "order-tickets-transfer");
  await tickets.getByRole("button", { name: "I have the tickets" }).click();
  await tickets.getByRole("button", { name: "Yes, I have them" }).click();
  await expect(tickets.getByText("You confirmed the tickets arrived.")).toBeVisible();
  await expect(tickets.getByRole("button", { name: "Report a problem" })).toHaveCount(0);

  await page.goto("/my-listings");
  await expect(mine.getByText("Delivered", { exact: true })).toBeVisible();
  await expect(mine.getByText("The buyer confirmed the tickets arrived.")).toBeVisible();
  await buyerContext.close();
});
