import { serviceError } from "./service-error";

const DELAYS_MS = [100, 200, 300, 400, 500, 500, 500];

/**
 * Calls again while the service answers NOT_FOUND for something that does exist, for about
 * two seconds: a service learns of a new listing or order through an event, so right after
 * it is created another service may not know it yet.
 */
export async function retryWhileUnknown<T>(call: () => Promise<T>): Promise<T> {
  for (const delay of DELAYS_MS) {
    try {
      return await call();
    } catch (err) {
      if (serviceError(err)?.code !== "NOT_FOUND") throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return call();
}
