// Totals every suite's results into one line, "N passed, N failed[, N skipped]", and
// exits non-zero when anything failed or a suite produced no results at all.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".data/results";
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

const checks = path.join(dir, "checks.txt");
if (existsSync(checks)) {
  for (const line of readFileSync(checks, "utf8").trim().split("\n").filter(Boolean)) {
    const [name, outcome] = line.split(" ");
    if (outcome === "pass") passed++;
    else failed++;
    lines.push(`${name}: ${outcome}`);
  }
}

const vitestFile = path.join(dir, "vitest.json");
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, "utf8"));
  const vSkipped = v.numPendingTests + v.numTodoTests;
  // A file that failed to load has no test results; count it as a failure.
  const brokenFiles = v.testResults.filter(
    (f) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
  passed += v.numPassedTests;
  failed += v.numFailedTests + brokenFiles;
  skipped += vSkipped;
  lines.push(
    `vitest: ${v.numPassedTests} passed, ${v.numFailedTests + brokenFiles} failed, ${vSkipped} skipped`,
  );
} else {
  failed++;
  lines.push("vitest: no results");
}

const pwFile = path.join(dir, "playwright.json");
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, "utf8"));
  const s = p.stats;
  const pwFailed = s.unexpected + (p.errors?.length ?? 0);
  passed += s.expected + s.flaky;
  failed += pwFailed;
  skipped += s.skipped;
  lines.push(
    `playwright: ${s.expected + s.flaky} passed (${s.flaky} flaky), ${pwFailed} failed, ${s.skipped} skipped`,
  );
} else {
  failed++;
  lines.push("playwright: no results");
}

for (const l of lines) console.log(`  ${l}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
