// Totals every suite's results into one line, "N passed, N failed[, N skipped]", and
// exits non-zero when anything failed or a suite produced no results at all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".data/results";
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
/** What failed, by name, printed just above the totals: a CI log's tail is what gets read. */
const failures = [];
const oneLine = (text, max = 240) => {
  const first = String(text ?? "")
    // Playwright colours its messages; the escape is built so no control character is in a regex literal.
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "")
    .split("\n")
    .find((l) => l.trim());
  return (first ?? "").trim().slice(0, max);
};

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
  for (const file of v.testResults) {
    const name = path.relative(process.cwd(), file.name);
    if (file.status === "failed" && file.assertionResults.length === 0) {
      failures.push(`vitest ${name}: did not load: ${oneLine(file.message)}`);
    }
    for (const t of file.assertionResults.filter((a) => a.status === "failed")) {
      failures.push(`vitest ${name} > ${t.fullName}: ${oneLine(t.failureMessages?.[0])}`);
    }
  }
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

// The main browser suite, and the all-in prices suite on its own stack.
for (const [suite, logs] of [
  ["playwright", "e2e-logs"],
  ["playwright-all-in", "e2e-all-in-logs"],
]) {
  const pwFile = path.join(dir, `${suite}.json`);
  if (!existsSync(pwFile)) {
    failed++;
    lines.push(`${suite}: no results`);
    continue;
  }
  const p = JSON.parse(readFileSync(pwFile, "utf8"));
  const s = p.stats;
  const pwFailed = s.unexpected + (p.errors?.length ?? 0);
  for (const e of p.errors ?? []) failures.push(`${suite}: ${oneLine(e.message)}`);
  for (const t of playwrightFailures(p)) {
    failures.push(`${suite} ${t.where} > ${t.title}: ${oneLine(t.error)}`);
    for (const w of serverWarnings(path.join(dir, logs), t.start, t.end)) {
      failures.push(`    ${w}`);
    }
  }
  passed += s.expected + s.flaky;
  failed += pwFailed;
  skipped += s.skipped;
  lines.push(
    `${suite}: ${s.expected + s.flaky} passed (${s.flaky} flaky), ${pwFailed} failed, ${s.skipped} skipped`,
  );
}

if (failures.length > 0) {
  console.log("  failed:");
  for (const f of failures.slice(0, 60)) console.log(`  - ${f}`);
  if (failures.length > 60) console.log(`  ... and ${failures.length - 60} more lines`);
}
for (const l of lines) console.log(`  ${l}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);

/** Playwright's failed tests, with the window of their last attempt. */
function playwrightFailures(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const last = test.results?.at(-1);
        const start = last ? Date.parse(last.startTime) : Number.NaN;
        out.push({
          where: `${spec.file}:${spec.line}`,
          title: [...titles, spec.title].join(" > "),
          error: last?.error?.message ?? last?.errors?.[0]?.message,
          start,
          end: start + (last?.duration ?? 0),
        });
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, child.title && !child.file ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}

/**
 * The servers' warnings and errors (pino level 40 and up) logged while a failed journey
 * ran, a few per server: the e2e stack's logs are kept in <results>/e2e-logs.
 */
function serverWarnings(logDir, start, end) {
  if (!existsSync(logDir) || Number.isNaN(start)) return [];
  const out = [];
  for (const file of readdirSync(logDir)
    .filter((f) => f.endsWith(".log"))
    .sort()) {
    const picked = [];
    for (const line of readFileSync(path.join(logDir, file), "utf8").split("\n")) {
      if (!line.startsWith("{")) continue;
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      // Our services log ISO times; a number is pino's default (epoch ms).
      const time = typeof entry.time === "number" ? entry.time : Date.parse(entry.time);
      if (entry.level < 40 || !(time >= start && time <= end)) continue;
      const err = String(entry.err?.message ?? entry.err ?? "").replace(/\s+/g, " ");
      picked.push(
        `${file.replace(/\.log$/, "")}: ${entry.msg ?? ""}${err ? ` (${err.slice(0, 120)})` : ""}`,
      );
    }
    // The first ones say what started it; repeats of the same message add nothing.
    out.push(...[...new Set(picked)].slice(0, 4));
  }
  return out;
}
