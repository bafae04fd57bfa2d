import path from "node:path";
import { expect, test } from "@playwright/test";

const services = ["Auth", "Tickets", "Orders", "Payments", "Expiration", "Notifications"];
const screenshots = path.join(import.meta.dirname, "__screenshots__");

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

for (const width of [1280, 390]) {
  test(`status page screenshot at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/status");
    await expect(page.getByRole("region", { name: "Notifications" })).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, `status-${width}.png`), fullPage: true });
  });
}
