import { expect, test } from "@playwright/test";
import { listMessages, readMessage } from "@tx/test-kit";
import { newAccount, pageErrors, registered } from "./accounts";
import { listTickets, uniqueEvent } from "./market";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

/** The HTML of the saved-search email to `to`, once it has come. */
async function savedSearchEmail(to: string): Promise<string> {
  const mailpit = process.env.E2E_MAILPIT_URL;
  if (!mailpit) throw new Error("E2E_MAILPIT_URL is set by global-setup");
  let html = "";
  await expect
    .poll(
      async () => {
        const found = (await listMessages(mailpit)).find(
          (m) =>
            m.To.some((r) => r.Address === to) &&
            m.Subject.startsWith("New matches for your saved search"),
        );
        if (found) html = (await readMessage(mailpit, found.ID)).HTML;
        return found !== undefined;
      },
      { timeout: 30_000, message: `a saved search's email to ${to}` },
    )
    .toBe(true);
  return html;
}

test("a buyer saves a search, gets an email for a new match, unsubscribes signed out (a forged link is refused), and deletes it", {
  tag: screenshotsTag,
}, async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  const event = uniqueEvent("Japanese Breakfast");
  const buyer = await registered(page, newAccount("Bea Buyer"));
  await page.goto(`/?q=${encodeURIComponent(event)}&city=Chicago`);
  await expect(page.getByText("No listings match")).toBeVisible();
  await page.getByRole("button", { name: "Save this search" }).click();
  await expect(
    page.getByText("Saved. We email you when a new or cheaper listing matches."),
  ).toBeVisible();
  await screenshotAtEveryWidth(page, "landing-search-saved");

  await page.getByRole("link", { name: "Your saved searches" }).click();
  const saved = page.getByRole("list", { name: "Your saved searches" }).getByRole("listitem");
  await expect(saved).toHaveCount(1);
  await expect(saved.first()).toContainText(`“${event}”, in Chicago`);
  await expect(saved.first()).toContainText("Emails on");
  await screenshotAtEveryWidth(page, "saved-searches");

  // A seller lists a match: the buyer's email names it, with a signed unsubscribe link.
  const sellerContext = await browser.newContext({ baseURL });
  const sellerPage = await sellerContext.newPage();
  await registered(sellerPage, newAccount("Sam Seller"));
  await listTickets(sellerPage, {
    eventName: event,
    venue: "Thalia Hall",
    city: "Chicago",
    timeZone: "America/Chicago",
  });
  const html = await savedSearchEmail(buyer.email);
  expect(html).toContain(event);
  expect(html).toMatch(/\d{1,2}:\d{2}\s(AM|PM)\sC[SD]T/);
  const href = /href="([^"]*\/saved-searches\/unsubscribe\?token=[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error("no unsubscribe link in the email");
  const link = new URL(href.replaceAll("&amp;", "&"));
  const token = link.searchParams.get("token") ?? "";

  // Signed out (a browser of its own): a changed signature is refused, the real link works.
  const reader = await browser.newContext({ baseURL });
  const readerPage = await reader.newPage();
  const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
  await readerPage.goto(`/saved-searches/unsubscribe?token=${encodeURIComponent(forged)}`);
  await readerPage.getByRole("button", { name: "Stop these emails" }).click();
  await expect(readerPage.getByText("This unsubscribe link is not valid.")).toBeVisible();
  await readerPage.goto(`${link.pathname}${link.search}`);
  await screenshotAtEveryWidth(readerPage, "unsubscribe");
  await readerPage.getByRole("button", { name: "Stop these emails" }).click();
  await expect(
    readerPage.getByText("You will get no more emails for the saved search"),
  ).toBeVisible();
  await screenshotAtEveryWidth(readerPage, "unsubscribed");

  await page.reload();
  await expect(saved.first()).toContainText("Emails off: you unsubscribed");
  await saved
    .first()
    .getByRole("button", { name: /Delete/ })
    .click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("No saved searches yet")).toBeVisible();
  expect(errors).toEqual([]);
  await reader.close();
  await sellerContext.close();
});
