import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { ServiceName } from "@tx/api-contracts";
import type { NextRequest } from "next/server";
import { serviceUrl } from "@/env";
import { requestIdFrom } from "@/trpc/request-id";

type Params = { params: Promise<{ service: string; trpc: string[] }> };

const UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * Same-origin proxy for the browser's tRPC calls: /api/trpc/<service>/<procedures>?<query>
 * goes to <SERVICE_URL>/trpc/<procedures>?<query>, for the six services only.
 */
async function proxy(req: NextRequest, { params }: Params): Promise<Response> {
  const { service } = await params;
  const known = ServiceName.safeParse(service);
  if (!known.success) {
    return Response.json({ error: `unknown service "${service}"` }, { status: 404 });
  }

  // The raw path keeps the client's encoding of batched procedure names ("a,b").
  const procedures = req.nextUrl.pathname.slice(`/api/trpc/${known.data}/`.length);
  const target = `${serviceUrl(known.data)}/trpc/${procedures}${req.nextUrl.search}`;
  const requestId = requestIdFrom(req.headers.get("x-request-id"));

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers: upstreamHeaders(req, requestId),
      body: req.method === "GET" ? undefined : await req.arrayBuffer(),
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
      cache: "no-store",
    });
  } catch (err) {
    return unavailable(known.data, requestId, err);
  }

  const responseHeaders = new Headers({ "x-request-id": requestId });
  const contentType = upstream.headers.get("content-type");
  if (contentType) responseHeaders.set("content-type", contentType);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

/** What the service sees of the browser's request. The session's access token will be added here as Authorization. */
function upstreamHeaders(req: NextRequest, requestId: string): Headers {
  const headers = new Headers({ "x-request-id": requestId });
  const contentType = req.headers.get("content-type");
  if (contentType) headers.set("content-type", contentType);
  return headers;
}

/** A tRPC-shaped error, so the browser's client reports it like any other failed call. */
function unavailable(service: ServiceName, requestId: string, err: unknown): Response {
  const timedOut = err instanceof DOMException && err.name === "TimeoutError";
  const code = timedOut ? "GATEWAY_TIMEOUT" : "BAD_GATEWAY";
  const httpStatus = timedOut ? 504 : 502;
  return Response.json(
    {
      error: {
        message: timedOut ? `${service} did not answer in time` : `${service} is unavailable`,
        code: TRPC_ERROR_CODES_BY_KEY[code],
        data: { code, httpStatus },
      },
    },
    { status: httpStatus, headers: { "x-request-id": requestId } },
  );
}

export { proxy as GET, proxy as POST };
