import { MAX_TICKET_FILE_BYTES } from "@tx/api-contracts";
import { type NextRequest, NextResponse } from "next/server";
import { sessionUpdate } from "@/auth/session-update";
import { appOrigin, serviceUrl, trustedProxies } from "@/env";
import { clientAddress, isCrossOriginWrite } from "@/security/request";
import { requestIdFrom } from "@/trpc/request-id";
import { upstreamHeaders } from "@/trpc/upstream-headers";

const UPSTREAM_TIMEOUT_MS = 120_000;

/**
 * POST /api/delivery/upload[?listingId=]: one e-ticket file, the raw file as the body (the
 * browser's XMLHttpRequest, which reports progress), its name in `x-file-name`. Streamed to
 * the tickets service as it arrives, with the user's token: nothing here holds the file.
 * The proxy skips this route (so Next does not buffer the body for it); the session is made
 * fresh here instead. Answers what tickets answers: 201 with the file, or { error }.
 */
export async function POST(req: NextRequest): Promise<Response> {
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  if (isCrossOriginWrite(req.method, req.headers.get("origin"), appOrigin())) {
    return refusal(403, "Cross-origin requests are not allowed.", requestId);
  }
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_TICKET_FILE_BYTES) {
    return refusal(
      413,
      `The file is larger than ${MAX_TICKET_FILE_BYTES / 1024 / 1024} MB.`,
      requestId,
    );
  }
  const { session, cookie } = await sessionUpdate(req);
  if (!session || !req.body) {
    return refusal(401, "Your session has ended: sign in again, then upload the file.", requestId);
  }

  const listingId = req.nextUrl.searchParams.get("listingId");
  const target = new URL(`${serviceUrl("tickets")}/delivery/files/upload`);
  if (listingId) target.searchParams.set("listingId", listingId);
  const headers = new Headers(
    upstreamHeaders({
      requestId,
      clientAddress: clientAddress(req.headers, trustedProxies()),
      accessToken: session.accessToken,
    }),
  );
  headers.set("content-type", "application/octet-stream");
  const name = req.headers.get("x-file-name");
  if (name) headers.set("x-file-name", name);
  if (Number.isFinite(declared)) headers.set("content-length", String(declared));

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: "POST",
      headers,
      body: req.body,
      // Node's fetch sends a stream as it is read (half duplex): the file passes through.
      duplex: "half",
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
      cache: "no-store",
    } as RequestInit & { duplex: "half" });
  } catch {
    return refusal(502, "The upload did not go through. Please try again.", requestId);
  }
  const response = new NextResponse(upstream.body, {
    status: upstream.status,
    headers: {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
  // The rotated tokens (or the ended session), saved as the proxy would have.
  if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

function refusal(status: number, error: string, requestId: string): Response {
  return Response.json(
    { error },
    { status, headers: { "cache-control": "no-store", "x-request-id": requestId } },
  );
}
