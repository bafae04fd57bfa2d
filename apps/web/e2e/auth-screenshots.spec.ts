import { expect, test } from "@playwright/test";
import { newAccount, registered, signInThroughForm } from "./accounts";
import { height, screenshot, screenshotsTag, widths } from "./screenshots";

const forms = [
  { path: "/register", name: "register", submit: "Create account", firstField: "Name" },
  { path: "/signin", name: "signin", submit: "Sign in", firstField: "Email" },
] as const;

for (const width of widths) {
  for (const form of forms) {
    test(`${form.name} form screenshots at ${width}px, empty and with field errors`, {
      tag: screenshotsTag,
    }, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(form.path);
      await expect(page.getByRole("button", { name: form.submit })).toBeVisible();
      await screenshot(page, form.name);

      await page.getByRole("button", { name: form.submit }).click();
      await expect(page.getByLabel(form.firstField)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(form.firstField)).toBeFocused();
      await screenshot(page, `${form.name}-errors`);
    });
  }

  test(`account page and a refused sign-in, with a long name, screenshots at ${width}px`, {
    tag: screenshotsTag,
  }, async ({ page, context }) => {
    await page.setViewportSize({ width, height });
    const account = await registered(page, newAccount("Ada Augusta King, Countess of Lovelace"));
    await page.goto("/account");
    await expect(page.getByRole("region", { name: "Profile" })).toBeVisible();
    await screenshot(page, "account");

    await context.clearCookies();
    await page.goto("/signin");
    await signInThroughForm(page, { email: account.email, password: "not the password" });
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toBeVisible();
    await screenshot(page, "signin-refused");
  });
}
