import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "services/*/src/**/*.test.ts",
      "apps/web/src/**/*.test.ts",
    ],
    // Each file starts its own servers on free ports; two at a time suits a 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ["default", "json"],
    outputFile: { json: ".data/results/vitest.json" },
  },
});
