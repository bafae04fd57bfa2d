import { expect, test } from "@playwright/test";
import { height, screenshot, screenshotsTag, widths } from "./screenshots";

const services = ["Auth", "Tickets", "Orders", "Payments", "Expiration", "Notifications"];

test("the status page shows all six services up", async ({ page }) => {
  await page.goto("/status");
  await expect(page.getByRole("heading", { level: 1, name: "System status" })).toBeVisible();
  for (const name of services) {
    const card = page.getByRole("region", { name });
    await expect(card.getByText("up", { exact: true })).toBeVisible();
    await expect(card.getByText("down", { exact: true })).toHaveCount(0);
  }
  await expect(page.getByText("6 of 6 services up")).toBeVisible();
});

for (const width of widths) {
  test(`status page screenshot at ${width}px`, { tag: screenshotsTag }, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/status");
    await expect(page.getByText("6 of 6 services up")).toBeVisible();
    await screenshot(page, "status");
  });
}
