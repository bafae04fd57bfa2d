import path from "node:path";
import { defineConfig } from "@playwright/test";
import { repoRoot } from "@tx/test-kit";

export default defineConfig({
  testDir: "e2e",
  // Its own suite, on a stack with a buyer's fee: playwright.all-in.config.ts.
  testIgnore: ["all-in/**"],
  globalSetup: "./e2e/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [
    ["list"],
    ["json", { outputFile: path.join(repoRoot, ".data", "results", "playwright.json") }],
  ],
  use: {
    // Set by global-setup once the stack is up; Playwright passes it on to the workers.
    baseURL: process.env.E2E_WEB_URL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
});
