import "server-only";
import type { ServiceName } from "@tx/api-contracts";
import { z } from "zod";

const ServiceUrl = z
  .url({
    protocol: /^https?$/,
    error: (issue) => (issue.input === undefined ? "is not set" : "must be an http(s) URL"),
  })
  .transform((url) => url.replace(/\/+$/, ""));

const Env = z.object({
  AUTH_URL: ServiceUrl,
  TICKETS_URL: ServiceUrl,
  ORDERS_URL: ServiceUrl,
  PAYMENTS_URL: ServiceUrl,
  EXPIRATION_URL: ServiceUrl,
  NOTIFICATIONS_URL: ServiceUrl,
});
export type Env = z.infer<typeof Env>;

const urlVariable = {
  auth: "AUTH_URL",
  tickets: "TICKETS_URL",
  orders: "ORDERS_URL",
  payments: "PAYMENTS_URL",
  expiration: "EXPIRATION_URL",
  notifications: "NOTIFICATIONS_URL",
} as const satisfies Record<ServiceName, keyof Env>;

let parsed: Env | undefined;

/**
 * The server's configuration. Parsed on first use, not at import: `next build` loads the
 * route modules without the services' URLs, which only the running server needs.
 */
export function env(): Env {
  parsed ??= parse(process.env);
  return parsed;
}

/** Base URL of a service (no trailing slash), e.g. http://127.0.0.1:4002. */
export function serviceUrl(service: ServiceName): string {
  return env()[urlVariable[service]];
}

/** A missing or bad variable stops the server as it starts, by name. */
export function exitOnInvalidEnv(): void {
  try {
    env();
  } catch (err) {
    // Otherwise Next logs the failed start-up hook and answers every request with a 500.
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

function parse(source: Record<string, string | undefined>): Env {
  const result = Env.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
    .join("\n");
  throw new Error(`Invalid or missing environment variables:\n${problems}`);
}
