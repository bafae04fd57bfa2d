import pRetry from "p-retry";
import { serviceError } from "./service-error";

/**
 * Calls again while the service answers NOT_FOUND for something that does exist, for about
 * two and a half seconds (p-retry: 7 retries, 100 ms doubling to at most 500 ms): a service
 * learns of a new listing or order through an event, so right after it is created another
 * service may not know it yet. Any other failure is thrown at once.
 */
export function retryWhileUnknown<T>(call: () => Promise<T>): Promise<T> {
  return pRetry(() => call(), {
    retries: 7,
    minTimeout: 100,
    maxTimeout: 500,
    shouldRetry: ({ error }) => serviceError(error)?.code === "NOT_FOUND",
  });
}
