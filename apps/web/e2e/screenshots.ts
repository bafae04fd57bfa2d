import path from "node:path";
import type { Page } from "@playwright/test";
import { dataRoot, repoRoot } from "@tx/test-kit";

/** The widths every page is pictured at, a laptop and a phone, and the window's height. */
export const widths = [1280, 390] as const;
export const height = 900;

/** Marks the tests that take the pictures, so `pnpm --filter @tx/web screenshots` runs only them. */
export const screenshotsTag = "@screenshots";

/**
 * docs/screenshots when asked for (UPDATE_SCREENSHOTS=1, set by the `screenshots` script);
 * otherwise a git-ignored folder, so an ordinary test run leaves the working tree clean.
 */
export const screenshotDir =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? path.join(repoRoot, "docs", "screenshots")
    : path.join(dataRoot, "screenshots");

/** The whole page as `<name>-<width>.png`, the width read from the page's viewport. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? "unknown";
  // The pointer rests where the last click left it: away, so that no hover effect shows.
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: path.join(screenshotDir, `${name}-${width}.png`),
    fullPage: true,
    animations: "disabled",
  });
}

/** The page as it is now, at every width in turn; the viewport is put back afterwards. */
export async function screenshotAtEveryWidth(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height });
    await screenshot(page, name);
  }
  if (viewport) await page.setViewportSize(viewport);
}
