import { TRPCClientError } from "@trpc/client";
import { z } from "zod";

// What service-kit's error formatter puts on every error (parsed, not trusted as typed).
const ErrorData = z.object({
  code: z.string(),
  domainCode: z.string().nullish(),
  fieldErrors: z.record(z.string(), z.string()).nullish(),
  retryAfterSeconds: z.number().nullish(),
});

export type ServiceError = {
  /** The tRPC code: "UNAUTHORIZED", "CONFLICT", "BAD_REQUEST", ... */
  code: string;
  /** The domain's own name for the refusal ("LISTING_CHANGED", ...), when it gave one. */
  domainCode?: string | null;
  message: string;
  fieldErrors: Record<string, string>;
  retryAfterSeconds: number | null;
};

/** A refusal the service answered with, or null when it did not answer (down, timed out). */
export function serviceError(err: unknown): ServiceError | null {
  if (!(err instanceof TRPCClientError)) return null;
  const data = ErrorData.safeParse(err.data);
  if (!data.success) return null;
  return {
    code: data.data.code,
    domainCode: data.data.domainCode ?? null,
    message: err.message,
    fieldErrors: data.data.fieldErrors ?? {},
    retryAfterSeconds: data.data.retryAfterSeconds ?? null,
  };
}
