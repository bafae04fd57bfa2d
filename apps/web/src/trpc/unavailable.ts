import { TRPCClientError } from "@trpc/client";
import { serviceError } from "./service-error";

/**
 * The digest a page's failure carries when a service did not answer (down, timed out) or said
 * it is unavailable. Next.js keeps an error's own digest, and it is all the error page sees in
 * production: enough to say "temporarily unavailable" instead of reporting a crash.
 */
export const SERVICE_UNAVAILABLE_DIGEST = "tx-service-unavailable";

/** Marks `err` (a call's failure) with the digest when the service was not there to answer. */
export function markUnavailable(err: unknown): unknown {
  if (!(err instanceof TRPCClientError)) return err;
  const refusal = serviceError(err);
  if (refusal === null || refusal.code === "SERVICE_UNAVAILABLE") {
    Object.assign(err, { digest: SERVICE_UNAVAILABLE_DIGEST });
  }
  return err;
}
