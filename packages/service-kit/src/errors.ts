import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** Errors the domain throws by name; one middleware maps them to tRPC codes. */
export const domainErrors = {
  NOT_FOUND: { code: "NOT_FOUND", message: "Not found." },
  FORBIDDEN: { code: "FORBIDDEN", message: "You are not allowed to do that." },
  UNAUTHENTICATED: { code: "UNAUTHORIZED", message: "Please sign in first." },
  INVALID: { code: "BAD_REQUEST", message: "The request is not valid." },
  CONFLICT: { code: "CONFLICT", message: "That conflicts with the current state." },
  TOO_MANY_REQUESTS: { code: "TOO_MANY_REQUESTS", message: "Too many attempts." },
  TICKET_RESERVED: {
    code: "CONFLICT",
    message: "This listing is reserved by a buyer and cannot be changed.",
  },
  TICKET_SOLD: { code: "CONFLICT", message: "This listing is sold and cannot be changed." },
  TICKET_JUST_RESERVED: {
    code: "CONFLICT",
    message: "This ticket was just reserved by someone else.",
  },
  UNAVAILABLE: { code: "SERVICE_UNAVAILABLE", message: "Temporarily unavailable, try again." },
  LISTING_CHANGED: {
    code: "CONFLICT",
    message: "The seller changed or removed this listing as you bought it.",
  },
} as const satisfies Record<string, { code: TRPC_ERROR_CODE_KEY; message: string }>;

export type DomainErrorName = keyof typeof domainErrors;

export class DomainError extends Error {
  override name = "DomainError";
  readonly kind: DomainErrorName;
  /** Field-level details shown next to form fields, keyed by field path. */
  readonly fields: Record<string, string> | undefined;
  /** For TOO_MANY_REQUESTS: when the caller may try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: DomainErrorName,
    message?: string,
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message ?? domainErrors[kind].message);
    this.kind = kind;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}
