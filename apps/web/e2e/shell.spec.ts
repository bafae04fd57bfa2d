import { expect, test } from "@playwright/test";

test("the header links to every part of the site, marking the current page", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const link = (name: string) => nav.getByRole("link", { name, exact: true });
  for (const name of ["Listings", "Sell", "My listings", "Orders", "Status"]) {
    await expect(link(name)).toBeVisible();
  }
  await expect(link("Listings")).toHaveAttribute("aria-current", "page");
  await link("Status").click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(link("Status")).toHaveAttribute("aria-current", "page");
  await expect(link("Listings")).not.toHaveAttribute("aria-current", "page");
});

test("the skip link is the first stop and moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("after a client-side navigation, focus starts at the new page's content", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Status", exact: true }).click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.locator("main")).toBeFocused();
});

for (const width of [360, 390]) {
  test(`the header fits a ${width}px phone: brand and account on one row, the links on another`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 700 });
    await page.goto("/");
    const banner = page.getByRole("banner");
    const brand = await banner.getByRole("link", { name: "Ticket Exchange" }).boundingBox();
    const signIn = await banner.getByRole("link", { name: "Sign in" }).boundingBox();
    expect(signIn?.y).toBeLessThan((brand?.y ?? 0) + (brand?.height ?? 0));
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    const tops = await links.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBe(width);
  });
}
