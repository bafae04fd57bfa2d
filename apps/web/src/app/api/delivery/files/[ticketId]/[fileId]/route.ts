import { ObjectIdString } from "@tx/api-contracts";
import type { NextRequest } from "next/server";
import { currentAuthSession } from "@/auth/session";
import { serviceUrl, trustedProxies } from "@/env";
import { clientAddress } from "@/security/request";
import { requestIdFrom } from "@/trpc/request-id";
import { upstreamHeaders } from "@/trpc/upstream-headers";

type Params = { params: Promise<{ ticketId: string; fileId: string }> };

const UPSTREAM_TIMEOUT_MS = 60_000;

/**
 * GET /api/delivery/files/<ticketId>/<fileId>: an e-ticket file, streamed from the tickets
 * service as the signed-in user, as an attachment that no cache keeps. Who may have it
 * (the listing's seller; its buyer once the order is complete) is the service's rule:
 * anyone else gets the same 404 as for a file that does not exist.
 */
export async function GET(req: NextRequest, { params }: Params): Promise<Response> {
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  const { ticketId, fileId } = await params;
  const noStore = { "cache-control": "no-store", "x-request-id": requestId };
  const notFound = () => Response.json({ error: "Not found." }, { status: 404, headers: noStore });
  if (!ObjectIdString.safeParse(ticketId).success || !ObjectIdString.safeParse(fileId).success) {
    return notFound();
  }
  const session = await currentAuthSession();
  if (!session) return notFound();

  const target = new URL(`${serviceUrl("tickets")}/delivery/files/download`);
  target.searchParams.set("ticketId", ticketId);
  target.searchParams.set("fileId", fileId);
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      headers: upstreamHeaders({
        requestId,
        clientAddress: clientAddress(req.headers, trustedProxies()),
        accessToken: session.accessToken,
      }),
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
      cache: "no-store",
    });
  } catch {
    return Response.json(
      { error: "The tickets service is unavailable." },
      { status: 502, headers: noStore },
    );
  }
  if (upstream.status === 404) return notFound();
  if (!upstream.ok || !upstream.body) {
    return Response.json(
      { error: "The file could not be fetched." },
      { status: 502, headers: noStore },
    );
  }
  const headers = new Headers({
    ...noStore,
    "content-disposition": upstream.headers.get("content-disposition") ?? "attachment",
    "x-content-type-options": "nosniff",
  });
  for (const name of ["content-type", "content-length"]) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
