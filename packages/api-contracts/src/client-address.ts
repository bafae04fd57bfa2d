/**
 * The one rule, for the web app and every service, for whose address a request came from.
 *
 * Hops, nearest first: the peer that connected to us, then the x-forwarded-for entries
 * from right to left. Each of the `trustedProxies` proxies in front of us appended the
 * address it saw, so the answer is hop `trustedProxies` (or the farthest hop there is).
 * With none trusted, x-forwarded-for is ignored: a client can write anything there.
 * `peer` is null where the socket is out of reach (Next's route handlers): with no trusted
 * proxy the address is then unknown.
 */
export function clientAddressOf(request: {
  forwardedFor: string | readonly string[] | null | undefined;
  peer: string | null | undefined;
  trustedProxies: number;
}): string | null {
  const { forwardedFor, peer, trustedProxies } = request;
  const listed = (typeof forwardedFor === "string" ? [forwardedFor] : (forwardedFor ?? []))
    .flatMap((header) => header.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = [peer?.trim() || null, ...listed.reverse()];
  return hops[Math.min(Math.max(0, Math.floor(trustedProxies)), hops.length - 1)] ?? null;
}

/** The most procedures one batched call may name, at the web proxy and at every service. */
export const MAX_BATCH_PROCEDURES = 10;

/** The largest request body the web proxy and the services read. */
export const MAX_BODY_BYTES = 64 * 1024;
