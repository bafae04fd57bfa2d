import path from "node:path";
import { defineConfig } from "@playwright/test";
import { repoRoot } from "@tx/test-kit";
import base from "./playwright.config";

/** The all-in prices journey, on a stack of its own with a buyer's fee (issue 22). */
export default defineConfig({
  ...base,
  testDir: "e2e/all-in",
  testIgnore: [],
  globalSetup: "./e2e/all-in/global-setup.ts",
  reporter: [
    ["list"],
    ["json", { outputFile: path.join(repoRoot, ".data", "results", "playwright-all-in.json") }],
  ],
});
