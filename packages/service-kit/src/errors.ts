import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** How a domain error reaches the caller: a tRPC code and a friendly message. */
export type DomainErrorSpec = { code: TRPC_ERROR_CODE_KEY; message: string };

/**
 * Errors any service throws by name (`new DomainError("NOT_FOUND")`). A service's own
 * errors are declared beside its domain with `defineDomainErrors`. One middleware maps
 * both to tRPC codes.
 */
export const domainErrors = {
  NOT_FOUND: { code: "NOT_FOUND", message: "Not found." },
  FORBIDDEN: { code: "FORBIDDEN", message: "You are not allowed to do that." },
  UNAUTHENTICATED: { code: "UNAUTHORIZED", message: "Please sign in first." },
  INVALID: { code: "BAD_REQUEST", message: "The request is not valid." },
  CONFLICT: { code: "CONFLICT", message: "That conflicts with the current state." },
  TOO_MANY_REQUESTS: { code: "TOO_MANY_REQUESTS", message: "Too many attempts." },
  UNAVAILABLE: { code: "SERVICE_UNAVAILABLE", message: "Temporarily unavailable, try again." },
} as const satisfies Record<string, DomainErrorSpec>;

export type DomainErrorName = keyof typeof domainErrors;

/** A service's own error, named: what `defineDomainErrors` gives for each entry. */
export type NamedDomainError = DomainErrorSpec & { kind: string };

/** Declares a service's own domain errors: `new DomainError(ticketErrors.TICKET_RESERVED)`. */
export function defineDomainErrors<const E extends Record<string, DomainErrorSpec>>(
  errors: E,
): { [K in keyof E & string]: E[K] & { kind: K } } {
  return Object.fromEntries(
    Object.entries(errors).map(([kind, spec]) => [kind, { ...spec, kind }]),
  ) as { [K in keyof E & string]: E[K] & { kind: K } };
}

export class DomainError extends Error {
  override name = "DomainError";
  readonly kind: string;
  /** The tRPC code the caller receives. */
  readonly code: TRPC_ERROR_CODE_KEY;
  /** Field-level details shown next to form fields, keyed by field path. */
  readonly fields: Record<string, string> | undefined;
  /** For TOO_MANY_REQUESTS: when the caller may try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: DomainErrorName | NamedDomainError,
    message?: string,
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    const spec = typeof kind === "string" ? { ...domainErrors[kind], kind } : kind;
    super(message ?? spec.message);
    this.kind = spec.kind;
    this.code = spec.code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}
