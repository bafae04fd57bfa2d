// What service-kit accepts as a request id; anything else is replaced, not forwarded.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's x-request-id when it is well formed, else a new one. */
export function requestIdFrom(given: string | null): string {
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
