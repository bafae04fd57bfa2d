import { type Browser, expect, type Page, test } from "@playwright/test";
import type { AuthSession, Order, ServiceName } from "@tx/api-contracts";
import {
  changeListing,
  listTicket,
  registerConfirmed,
  type Stack,
  trpcMutation,
} from "@tx/test-kit";
import {
  type Account,
  expectCheckYourInbox,
  newAccount,
  registered,
  registerThroughForm,
  signedInAs,
  signInThroughForm,
} from "./accounts";
import { emailsTo, emailTo, linkInEmail, mailText } from "./mail";
import { height, screenshot, screenshotsTag, widths } from "./screenshots";

async function askForReset(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(notice).toContainText(`If ${email} has an account here`);
}

async function choosePassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Save and sign in" }).click();
}

test("a forgotten password is reset through the emailed link, which works once", async ({
  page,
  context,
}) => {
  const account = await registered(page);
  await context.clearCookies();

  await askForReset(page, account.email);
  const link = await linkInEmail(account.email, "Reset your password", "/reset-password");
  const renewed = `${account.password} renewed`;
  await choosePassword(page, link, renewed);
  await expect(page).toHaveURL(/\/account\?password=reset$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Your new password is set" }),
  ).toBeVisible();
  await expect(signedInAs(page, account.name)).toBeVisible();
  expect(await mailText(await emailTo(account.email, "Your password was changed"))).toContain(
    "reset with an emailed link",
  );

  // The same link again: refused, and nothing changes.
  await context.clearCookies();
  await choosePassword(page, link, `${account.password} once more`);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "This link has expired or was already used.",
  );

  await page.goto("/signin");
  await signInThroughForm(page, account);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "Email or password is wrong.",
  );
  await signInThroughForm(page, { email: account.email, password: renewed });
  await expect(signedInAs(page, account.name)).toBeVisible();
});

test("asking to reset an address with no account looks the same, and sends nothing", async ({
  page,
}) => {
  const nobody = newAccount().email;
  await askForReset(page, nobody);
  // A moment for a stray email to arrive, were one sent.
  await page.waitForTimeout(1_000);
  expect(await emailsTo(nobody, "")).toEqual([]);
});

async function signedInElsewhere(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await signInThroughForm(page, account);
  await expect(signedInAs(page, account.name)).toBeVisible();
  return { context, page };
}

test("changing the password on the account page signs every other session out", async ({
  page,
  browser,
}) => {
  // The other browser's access token comes due for refresh 15 s after it was issued (75 s
  // tokens, refreshed in their last minute); only then can its end be seen.
  test.setTimeout(90_000);
  const account = await registered(page);
  const other = await signedInElsewhere(browser, account);

  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill(`${account.password} changed`);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription(
    "This is not your current password.",
  );

  await form.getByLabel("Current password").fill(account.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  // This browser carries on with its new session.
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Profile" }).getByText(account.email),
  ).toBeVisible();

  await expect
    .poll(
      async () => {
        await other.page.goto("/account");
        return new URL(other.page.url()).pathname;
      },
      { timeout: 60_000, intervals: [3_000] },
    )
    .toBe("/signin");
  await expect(signedInAs(other.page, account.name)).toHaveCount(0);
  await other.context.close();
});

/** The services of the e2e stack, for setting up what a browser alone cannot (global-setup). */
function services(): Pick<Stack, "urls" | "env"> {
  const raw = process.env.E2E_SERVICES;
  if (!raw) throw new Error("E2E_SERVICES is not set (global-setup sets it)");
  return JSON.parse(raw) as { urls: Record<ServiceName, string>; env: Record<string, string> };
}

/**
 * A listing its seller deletes or reprices while the buyer's order for it is being made:
 * the order made from the old listing is cancelled (listing_changed). Sent through the
 * APIs, so that the race happens every time; the buyer then looks in the browser.
 */
async function orderOnChangedListing(change: "delete" | "reprice") {
  const stack = services();
  const password = "a listing that changed";
  const stamp = Date.now();
  const [seller, buyer] = (await registerConfirmed(stack, [
    { email: `seller.${change}.${stamp}@example.com`, name: "Sam Seller", password },
    { email: `buyer.${change}.${stamp}@example.com`, name: "Bea Buyer", password },
  ])) as [AuthSession, AuthSession];
  for (let attempt = 0; attempt < 5; attempt++) {
    const listing = await listTicket(stack as Stack, seller, `Changing ${change} ${attempt}`);
    const changing = changeListing(
      stack,
      seller,
      listing,
      change === "delete" ? "delete" : { pricePerTicket: 4_000 },
    );
    const [changed, created] = await Promise.all([
      changing,
      trpcMutation<Order>(stack.urls.orders, "create", { ticketId: listing.id }, buyer.accessToken),
    ]);
    if (changed.status === 200 && created.data) {
      return {
        buyer: { email: buyer.user.email, password, name: "Bea Buyer" },
        order: created.data,
      };
    }
  }
  throw new Error("the change and the order never overlapped");
}

test("a buyer whose listing changed as they pressed Purchase is told, with the new price", async ({
  page,
}) => {
  const { buyer, order } = await orderOnChangedListing("reprice");
  await page.goto("/signin");
  await signInThroughForm(page, buyer);
  await expect(signedInAs(page, buyer.name)).toBeVisible();
  await page.goto(`/checkout/${order.id}`);
  await expect(
    page.getByText(/The seller changed this listing as you bought it: it now costs \$80\.00/),
  ).toBeVisible();
  await expect(page.getByText(/You were holding it at \$100\.00/)).toBeVisible();
});

for (const width of widths) {
  test(`registration, recovery and listing-changed screenshots at ${width}px`, {
    tag: screenshotsTag,
  }, async ({ page, context }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    const account = newAccount("Ada Lovelace");
    await registerThroughForm(page, account);
    await expectCheckYourInbox(page, account.email);
    await screenshot(page, "register-sent");

    const link = await linkInEmail(account.email, "Confirm your email", "/register/confirm");
    await page.goto(link);
    await expect(page.getByRole("button", { name: "Create my account" })).toBeVisible();
    await screenshot(page, "register-confirm");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(signedInAs(page, account.name)).toBeVisible();

    await page.goto("/account");
    const form = page.getByRole("form", { name: "Change your password" });
    await form.getByLabel("Current password").fill(account.password);
    await form.getByLabel("New password").fill(`${account.password} changed`);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    await screenshot(page, "account-password-changed");

    await context.clearCookies();
    await page.goto("/forgot-password");
    await expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible();
    await screenshot(page, "forgot-password");
    await askForReset(page, account.email);
    await screenshot(page, "forgot-password-sent");
    await page.goto(await linkInEmail(account.email, "Reset your password", "/reset-password"));
    await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
    await screenshot(page, "reset-password");

    for (const change of ["reprice", "delete"] as const) {
      const { buyer, order } = await orderOnChangedListing(change);
      await context.clearCookies();
      await page.goto("/signin");
      await signInThroughForm(page, buyer);
      await expect(signedInAs(page, buyer.name)).toBeVisible();
      await page.goto(`/checkout/${order.id}`);
      await expect(
        page.getByText(/The seller (changed|removed) this listing/).first(),
      ).toBeVisible();
      await screenshot(page, `checkout-listing-${change === "delete" ? "removed" : "changed"}`);
      if (change === "reprice") {
        await page.goto(`/orders/${order.id}`);
        await expect(page.getByText(/it now costs \$80\.00/).first()).toBeVisible();
        await screenshot(page, "order-listing-changed");
      }
    }
  });
}
