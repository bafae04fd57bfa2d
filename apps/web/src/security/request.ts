import { clientAddressOf } from "@tx/api-contracts";

/**
 * The browser's address, by the rule the services use too (clientAddressOf): the entry the
 * outermost of our `trustedProxies` front proxies (the ingress) added. Next's route handlers
 * never see the socket, and Next keeps a client's own x-forwarded-for as it came, so with
 * no trusted proxy the address is unknown (null): the services then see this server's.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  return clientAddressOf({
    forwardedFor: headers.get("x-forwarded-for"),
    peer: null,
    trustedProxies,
  });
}

/**
 * CSRF guard for state-changing requests: browsers send Origin on every cross-origin POST
 * (and on same-origin fetches), so one that names another origin is refused. A request
 * without Origin is not from a browser form or script on another site.
 */
export function isCrossOriginWrite(
  method: string,
  origin: string | null,
  appOrigin: string,
): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  return origin !== null && origin !== appOrigin;
}
