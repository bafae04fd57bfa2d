import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@tx/test-kit";
import { describe, expect, it } from "vitest";

const staticDir = path.join(repoRoot, "apps/web/.next/static");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** What must never reach a browser: keys, secrets, server addresses, server-only code. */
const forbidden: [string, RegExp][] = [
  ["a Stripe secret key", /\bsk_(live|test)_[A-Za-z0-9]{8,}/],
  ["a Stripe webhook secret", /\bwhsec_[A-Za-z0-9_]{8,}/],
  ["a Resend API key", /\bre_[A-Za-z0-9]{16,}/],
  ["a private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ["a database URL", /mongodb(\+srv)?:\/\/[^"'\s]+/],
  ["a Redis or NATS URL", /\b(redis|nats):\/\/[^"'\s]+/],
  ["the session secret's name", /NEXTAUTH_SECRET/],
  ["server-only libraries", /\b(mongoose|ioredis|argon2|nodemailer|@nats-io)\b/],
];

describe("the web app's client bundle", () => {
  // The test command builds the web app before the tests run.
  it("exists (the production build ran)", () => {
    expect(existsSync(staticDir)).toBe(true);
    expect(files(staticDir).filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  });

  it.each(forbidden)("contains no %s", (_what, pattern) => {
    const hits = files(staticDir)
      .filter((f) => /\.(js|css|json|html|txt|map)$/.test(f))
      .filter((f) => pattern.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(staticDir, f));
    expect(hits).toEqual([]);
  });
});
