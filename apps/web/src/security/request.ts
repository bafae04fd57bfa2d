/**
 * The browser's address: the last x-forwarded-for entry, the one our own front proxy (the
 * ingress) added, or that Next set from the socket when nothing is in front. Entries to its
 * left came from the client and could say anything.
 */
export function clientAddress(headers: Headers): string | null {
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  return entries.at(-1)?.trim() || null;
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
