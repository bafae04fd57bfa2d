import { expect, test } from "@playwright/test";
import { height, screenshot, screenshotsTag, widths } from "./screenshots";

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

test("the icon is where browsers look for it on their own, so no page logs a 404 for it", async ({
  request,
}) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
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

for (const width of widths) {
  test(`an address that names nothing answers 404 with a way back, screenshot at ${width}px`, {
    tag: screenshotsTag,
  }, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse the listings" })).toHaveAttribute(
      "href",
      "/",
    );
    await screenshot(page, "not-found");
  });
}
