import type { NextRequest } from "next/server";
import { appOrigin, serviceUrl, trustedProxies } from "@/env";
import { operatorSession } from "@/operator/access";
import { clientAddress, isCrossOriginWrite } from "@/security/request";
import { requestIdFrom } from "@/trpc/request-id";
import { upstreamHeaders } from "@/trpc/upstream-headers";

const UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * bull-board for the expiration queue, served by the expiration service at the same path.
 * The browser holds no token: this route checks that the session is an operator's (anyone
 * else gets a 404) and calls the service with the operator's access token, which checks it
 * again. The board's own scripts run under the policy proxy.ts sets for this path.
 */
async function board(req: NextRequest): Promise<Response> {
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  const session = await operatorSession();
  if (!session) return notFound(requestId);
  if (isCrossOriginWrite(req.method, req.headers.get("origin"), appOrigin())) {
    return new Response("Cross-origin requests are not allowed.", { status: 403 });
  }
  const target = `${serviceUrl("expiration")}${req.nextUrl.pathname}${req.nextUrl.search}`;
  const headers = new Headers(
    upstreamHeaders({
      requestId,
      clientAddress: clientAddress(req.headers, trustedProxies()),
      accessToken: session.accessToken,
    }),
  );
  const contentType = req.headers.get("content-type");
  if (contentType) headers.set("content-type", contentType);
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer(),
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
      cache: "no-store",
      redirect: "manual",
    });
  } catch {
    return new Response("The expiration service is not answering.", { status: 502 });
  }
  const out = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
  for (const name of ["content-type", "location", "etag", "last-modified"]) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  if (!upstream.headers.get("content-type")?.startsWith("text/html")) {
    return new Response(upstream.body, { status: upstream.status, headers: out });
  }
  // The board's page asks Google for its fonts: no third party sees an operator's browser
  // (and the policy would refuse it); the system fonts do.
  const html = (await upstream.text()).replace(
    /<link[^>]+href="https:\/\/fonts\.googleapis\.com[^"]*"[^>]*>/g,
    "",
  );
  return new Response(html, { status: upstream.status, headers: out });
}

function notFound(requestId: string): Response {
  return new Response("Page not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "x-request-id": requestId },
  });
}

export { board as DELETE, board as GET, board as PATCH, board as POST, board as PUT };
