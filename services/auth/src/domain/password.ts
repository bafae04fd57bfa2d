import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";
import { DomainError, registry } from "@tx/service-kit";
import { Counter } from "prom-client";

// The 3,000 most common passwords (from @zxcvbn-ts/language-common, MIT), shipped as data.
const common = new Set(
  readFileSync(new URL("../data/common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean),
);

/** OWASP's argon2id parameters: 19 MiB of memory, 2 iterations, parallelism 1. */
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

export function assertAcceptablePassword(password: string, email: string): void {
  if (isCommonPassword(password)) {
    throw new DomainError("INVALID", "This password is too common.", {
      fields: { password: "This password is one of the most common; choose another." },
    });
  }
  if (password.toLowerCase() === email.toLowerCase()) {
    throw new DomainError("INVALID", "The password cannot be your email.", {
      fields: { password: "Do not use your email as the password." },
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Every argon2 verification run, by outcome: what the sign-in throttle keeps small. */
export const passwordChecks = new Counter({
  name: "auth_password_checks_total",
  help: "Password verifications run (argon2id), by outcome",
  labelNames: ["outcome"],
  registers: [registry],
});

// A real hash of a random password: unknown emails cost the same verify as known ones.
const decoy = hash(`decoy-${Math.random()}`, ARGON2);

/** Verifies against the stored hash, or against a decoy so both answers take as long. */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  const target = storedHash ?? (await decoy);
  const ok = (await verify(target, password).catch(() => false)) && storedHash !== null;
  passwordChecks.inc({ outcome: ok ? "match" : "mismatch" });
  return ok;
}
