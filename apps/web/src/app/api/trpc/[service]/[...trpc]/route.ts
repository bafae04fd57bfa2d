import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { ServiceName } from "@tx/api-contracts";
import type { NextRequest } from "next/server";
import { currentAuthSession } from "@/auth/session";
import { appOrigin, serviceUrl, trustedProxies } from "@/env";
import { clientAddress, isCrossOriginWrite } from "@/security/request";
import { browserMayCall } from "@/trpc/browser-access";
import { BODY_TOO_LARGE, batchTooLong, readBodyWithin } from "@/trpc/proxy-limits";
import { requestIdFrom } from "@/trpc/request-id";
import { upstreamHeaders } from "@/trpc/upstream-headers";

type Params = { params: Promise<{ service: string; trpc: string[] }> };

const UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * Same-origin proxy for the browser's tRPC calls: /api/trpc/<service>/<procedures>?<query>
 * goes to <SERVICE_URL>/trpc/<procedures>?<query>, for the six services only, as the
 * signed-in user: the access token is added here and never reaches the browser.
 */
async function proxy(req: NextRequest, { params }: Params): Promise<Response> {
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  // The session cookie rides along on any request to this origin, so a write must come from it.
  if (isCrossOriginWrite(req.method, req.headers.get("origin"), appOrigin())) {
    return trpcError("FORBIDDEN", "Cross-origin requests are not allowed.", requestId);
  }
  const { service } = await params;
  const known = ServiceName.safeParse(service);
  if (!known.success) {
    return Response.json({ error: `unknown service "${service}"` }, { status: 404 });
  }

  // The raw path keeps the client's encoding of batched procedure names ("a,b").
  const procedures = req.nextUrl.pathname.slice(`/api/trpc/${known.data}/`.length);
  if (!browserMayCall(known.data, procedures)) {
    return trpcError("NOT_FOUND", "This procedure is not available from the browser.", requestId);
  }
  const tooLong = batchTooLong(procedures);
  if (tooLong) return trpcError("BAD_REQUEST", tooLong, requestId);
  // Read within the limit, never buffered whole first: a large body is refused part-way.
  const body = req.method === "GET" ? undefined : await readBodyWithin(req);
  if (body === null) return trpcError("PAYLOAD_TOO_LARGE", BODY_TOO_LARGE, requestId);
  const target = `${serviceUrl(known.data)}/trpc/${procedures}${req.nextUrl.search}`;

  // A subscription (server-sent events) lives as long as its page: the time limit is on the
  // service's answer starting, not on the stream, which ends when the browser leaves.
  const streaming = req.headers.get("accept")?.includes("text/event-stream") ?? false;
  const timeout = streaming ? headersTimeout(UPSTREAM_TIMEOUT_MS) : null;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers: await forwardedHeaders(req, requestId),
      body,
      signal: AbortSignal.any([
        req.signal,
        timeout?.signal ?? AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      ]),
      cache: "no-store",
    });
  } catch (err) {
    return unavailable(known.data, requestId, err);
  } finally {
    timeout?.clear();
  }

  const responseHeaders = new Headers({ "x-request-id": requestId });
  const contentType = upstream.headers.get("content-type");
  if (contentType) responseHeaders.set("content-type", contentType);
  if (contentType?.startsWith("text/event-stream")) {
    // Each event as it comes: "no-transform" keeps the server's compression from holding
    // events back to fill a block, "x-accel-buffering" does the same for a proxy in front.
    responseHeaders.set("cache-control", "no-cache, no-transform");
    responseHeaders.set("x-accel-buffering", "no");
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

/** A time limit that can be lifted once it has served its purpose. */
function headersTimeout(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("no answer in time", "TimeoutError")),
    ms,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** What the service sees of the browser's request: never its cookies, only who is calling. */
async function forwardedHeaders(req: NextRequest, requestId: string): Promise<Headers> {
  const session = await currentAuthSession();
  const headers = new Headers(
    upstreamHeaders({
      requestId,
      clientAddress: clientAddress(req.headers, trustedProxies()),
      accessToken: session?.accessToken ?? null,
    }),
  );
  const contentType = req.headers.get("content-type");
  if (contentType) headers.set("content-type", contentType);
  return headers;
}

function unavailable(service: ServiceName, requestId: string, err: unknown): Response {
  const timedOut = err instanceof DOMException && err.name === "TimeoutError";
  return timedOut
    ? trpcError("GATEWAY_TIMEOUT", `${service} did not answer in time`, requestId)
    : trpcError("BAD_GATEWAY", `${service} is unavailable`, requestId);
}

const httpStatusOf = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  BAD_GATEWAY: 502,
  GATEWAY_TIMEOUT: 504,
} as const;

/** A tRPC-shaped error, so the browser's client reports it like any other failed call. */
function trpcError(code: keyof typeof httpStatusOf, message: string, requestId: string): Response {
  const httpStatus = httpStatusOf[code];
  return Response.json(
    { error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus } } },
    { status: httpStatus, headers: { "x-request-id": requestId } },
  );
}

export { proxy as GET, proxy as POST };
