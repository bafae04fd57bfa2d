import "server-only";
import type { ServiceName } from "@tx/api-contracts";
import { operatorEmails, parseEnv } from "@tx/service-kit/env";
import { z } from "zod";

// Inlined by Next at build time; `next dev` is the only development mode.
export const isDevelopment = process.env.NODE_ENV === "development";
const isProduction = process.env.NODE_ENV === "production";

const HttpUrl = z.url({
  protocol: /^https?$/,
  error: (issue) => (issue.input === undefined ? "is not set" : "must be an http(s) URL"),
});

const ServiceUrl = HttpUrl.transform((url) => url.replace(/\/+$/, ""));

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Where browsers reach the app. Plain http only on a loopback address (local runs, tests). */
const AppUrl = HttpUrl.transform((url) => new URL(url)).refine(
  (url) => url.protocol === "https:" || !isProduction || LOOPBACK_HOSTS.has(url.hostname),
  "must be https in production (session cookies are Secure), except on a loopback address",
);

const envShape = {
  AUTH_URL: ServiceUrl,
  TICKETS_URL: ServiceUrl,
  ORDERS_URL: ServiceUrl,
  PAYMENTS_URL: ServiceUrl,
  EXPIRATION_URL: ServiceUrl,
  NOTIFICATIONS_URL: ServiceUrl,
  /** Encrypts the session cookie; rotating it signs everyone out. */
  NEXTAUTH_SECRET: z
    .string({ error: "is not set" })
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  NEXTAUTH_URL: AppUrl,
  /**
   * Proxies in front of the app (an ingress: 1) whose x-forwarded-for entries are believed.
   * 0 where browsers connect directly (the local run): then no client address is known.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * The accounts that see /operator (dead letters, the expiration queue, the figures to
   * alert on), comma-separated. Each service checks the same list on its own procedures.
   */
  OPERATOR_EMAILS: operatorEmails,
};
export type Env = z.infer<z.ZodObject<typeof envShape>>;

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
  parsed ??= parseEnv(envShape, process.env);
  return parsed;
}

/** Base URL of a service (no trailing slash), e.g. http://127.0.0.1:4002. */
export function serviceUrl(service: ServiceName): string {
  return env()[urlVariable[service]];
}

/** The app's own origin, e.g. https://tickets.example: what a same-origin request's Origin header says. */
export function appOrigin(): string {
  return env().NEXTAUTH_URL.origin;
}

/** How many front proxies' x-forwarded-for entries to believe (see security/request.ts). */
export function trustedProxies(): number {
  return env().TRUSTED_PROXIES;
}

/** Whether browsers reach the app over https, as production must (Secure cookies, upgrades). */
export function servedOverHttps(): boolean {
  return env().NEXTAUTH_URL.protocol === "https:";
}

/** Whether this account is an operator's (OPERATOR_EMAILS). */
export function isOperatorEmail(email: string): boolean {
  return env().OPERATOR_EMAILS.includes(email.toLowerCase());
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
