import { expect, test } from "@playwright/test";
import {
  confirmByEmail,
  expectCheckYourInbox,
  newAccount,
  pageErrors,
  registered,
  registerThroughForm,
  sessionCookie,
  signedInAs,
  signInThroughForm,
} from "./accounts";
import { emailTo, mailText } from "./mail";

test("register, confirm by the emailed link, land signed in, sign out, and come back to the protected page after signing in", async ({
  page,
}) => {
  const errors = pageErrors(page);
  const account = newAccount("Grace Hopper");
  await registerThroughForm(page, account);
  await expectCheckYourInbox(page, account.email);
  // No account until the link is followed: signing in now fails like any wrong password.
  await confirmByEmail(page, account);
  await expect(page).toHaveURL(/\/$/);
  await expect(signedInAs(page, "Grace Hopper")).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(signedInAs(page, "Grace Hopper")).toHaveCount(0);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/account");

  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/account$/);
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile.getByText(account.email)).toBeVisible();
  await expect(profile.getByText("Grace Hopper")).toBeVisible();
  await expect(signedInAs(page, "Grace Hopper")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a protected page answers a signed-out visitor with a redirect to sign-in", async ({
  request,
}) => {
  const res = await request.get("/account", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toBe("/signin?callbackUrl=%2Faccount");
});

test("a wrong password and an unknown email get the same message, and the form keeps what was typed", async ({
  page,
  context,
}) => {
  const account = await registered(page);
  await context.clearCookies();

  await page.goto("/signin");
  await signInThroughForm(page, { email: account.email, password: "not the password" });
  const alert = page.getByRole("alert").filter({ hasText: /./ });
  await expect(alert).toHaveText("Email or password is wrong.");
  await expect(page.getByLabel("Email")).toHaveValue(account.email);

  await signInThroughForm(page, { email: `nobody.${account.email}`, password: "whatever it is" });
  await expect(alert).toHaveText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/signin$/);
});

test("repeated wrong passwords are throttled, and the message says when to try again", async ({
  page,
  context,
}) => {
  const account = await registered(page);
  await context.clearCookies();
  await page.goto("/signin");
  const alert = page.getByRole("alert").filter({ hasText: /./ });
  const wrong = { email: account.email, password: "still not it" };
  // The auth service checks five passwords per account and address before a wait.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answered = page.waitForResponse(/\/api\/auth\/callback\/credentials/);
    await signInThroughForm(page, wrong);
    await answered;
    await expect(alert).toHaveText("Email or password is wrong.");
  }
  await signInThroughForm(page, wrong);
  // A wait, not a lock-out: it doubles each time the attempts run out again.
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
  // While throttled, even the right password is not tried.
  await signInThroughForm(page, account);
  await expect(alert).toHaveText(/^Too many sign-in attempts/);
  await expect(page).toHaveURL(/\/signin$/);
});

test("registering an email already in use looks like any registration; its owner is told by email", async ({
  page,
  context,
}) => {
  const account = await registered(page);
  await context.clearCookies();

  await registerThroughForm(page, {
    ...account,
    name: "Someone Else",
    email: account.email.toUpperCase(),
  });
  await expectCheckYourInbox(page, account.email);
  const text = await mailText(await emailTo(account.email, "You already have an account"));
  expect(text).toContain("/forgot-password");
  // The account is as it was: the old password still signs in, nothing new was made.
  await page.goto("/signin");
  await signInThroughForm(page, account);
  await expect(signedInAs(page, account.name)).toBeVisible();
});

test("a callback URL to another site is ignored: sign-in lands at home", async ({
  page,
  context,
  baseURL,
}) => {
  const account = await registered(page);
  for (const callbackUrl of ["https://evil.example/steal", "//evil.example/x", "/\\evil.example"]) {
    await context.clearCookies();
    await page.goto(`/signin?${new URLSearchParams({ callbackUrl })}`);
    await signInThroughForm(page, account);
    await expect(signedInAs(page, account.name)).toBeVisible();
    expect(page.url()).toBe(new URL("/", baseURL).href);
  }
});

test("a signed-in user is kept signed in as the access token is rotated", async ({
  page,
  context,
}) => {
  // The token only comes due 15 s after it is issued: the wait below needs more than the
  // default 30 s for the whole test on a busy machine.
  test.setTimeout(60_000);
  const account = await registered(page);
  const first = await sessionCookie(context);
  // Tokens live 75 s in this suite and are refreshed in their last minute.
  await expect
    .poll(
      async () => {
        await page.goto("/account");
        return (await sessionCookie(context))?.value;
      },
      { timeout: 40_000, intervals: [2_000] },
    )
    .not.toBe(first?.value);
  await expect(page).toHaveURL(/\/account$/);
  await expect(
    page.getByRole("region", { name: "Profile" }).getByText(account.email),
  ).toBeVisible();
});

test("signing in works from the keyboard alone", async ({ page, context }) => {
  const account = await registered(page);
  await context.clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await expect(signedInAs(page, account.name)).toBeVisible();
});
