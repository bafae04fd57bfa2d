import path from "node:path";
import { expect, test } from "@playwright/test";
import { newAccount, registered, signInThroughForm } from "./accounts";

const screenshots = path.join(import.meta.dirname, "__screenshots__");

const forms = [
  { path: "/register", name: "register", submit: "Create account", firstField: "Name" },
  { path: "/signin", name: "signin", submit: "Sign in", firstField: "Email" },
] as const;

for (const width of [1280, 390]) {
  for (const form of forms) {
    test(`${form.name} form screenshots at ${width}px, empty and with field errors`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(form.path);
      await expect(page.getByRole("button", { name: form.submit })).toBeVisible();
      await page.screenshot({
        path: path.join(screenshots, `${form.name}-${width}.png`),
        fullPage: true,
      });

      await page.getByRole("button", { name: form.submit }).click();
      await expect(page.getByLabel(form.firstField)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(form.firstField)).toBeFocused();
      await page.screenshot({
        path: path.join(screenshots, `${form.name}-errors-${width}.png`),
        fullPage: true,
      });
    });
  }
}

test("sign-in refusal and the signed-in header, screenshots at 360px", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const account = await registered(page, newAccount("Ada Augusta King, Countess of Lovelace"));
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Profile" })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, "account-360.png"), fullPage: true });

  await context.clearCookies();
  await page.goto("/signin");
  await signInThroughForm(page, { email: account.email, password: "not the password" });
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, "signin-refused-360.png"), fullPage: true });
});
