import { randomUUID } from "node:crypto";
import { type BrowserContext, expect, type Page } from "@playwright/test";
import { linkInEmail } from "./mail";

export type Account = { name: string; email: string; password: string };

/** A new, unique account; the password is long and uncommon, as the auth service wants. */
export function newAccount(name = "Ada Lovelace"): Account {
  const id = randomUUID().slice(0, 8);
  return { name, email: `ada.${id}@example.com`, password: `analytical engine ${id}` };
}

export async function registerThroughForm(page: Page, account: Account): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signInThroughForm(
  page: Page,
  { email, password }: Pick<Account, "email" | "password">,
): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** After registering: the form says to check the inbox, for this address. */
export async function expectCheckYourInbox(page: Page, email: string): Promise<void> {
  const notice = page.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(email.toLowerCase());
}

/** Follows the confirmation email's link and presses its one button: signed in at home. */
export async function confirmByEmail(page: Page, account: Account): Promise<void> {
  const link = await linkInEmail(
    account.email.toLowerCase(),
    "Confirm your email",
    "/register/confirm",
  );
  await page.goto(link);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(signedInAs(page, account.name)).toBeVisible();
}

const signedInOn = new WeakMap<Page, Account>();

/** Registers through the form, confirms through the email, and waits until signed in. */
export async function registered(page: Page, account = newAccount()): Promise<Account> {
  await registerThroughForm(page, account);
  await expectCheckYourInbox(page, account.email);
  await confirmByEmail(page, account);
  signedInOn.set(page, account);
  return account;
}

/** The account `registered` last signed in on this page. */
export function accountOn(page: Page): Account {
  const account = signedInOn.get(page);
  if (!account) throw new Error("no account was registered on this page");
  return account;
}

export function signedInAs(page: Page, name: string) {
  return page.getByRole("banner").getByRole("link", { name: `Signed in as ${name}` });
}

export async function sessionCookie(context: BrowserContext) {
  const cookies = await context.cookies();
  return cookies.find((c) => c.name.endsWith("next-auth.session-token"));
}

/** Errors the page logs or throws from now on: a clean flow has none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // With its address: "Failed to load resource" alone does not say which.
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}
