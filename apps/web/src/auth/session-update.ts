import type { AuthSession } from "@tx/api-contracts";
import type { NextRequest } from "next/server";
import { trustedProxies } from "@/env";
import { clientAddress } from "@/security/request";
import { requestIdFrom } from "@/trpc/request-id";
import { createServiceClient } from "@/trpc/service-client";
import { upstreamHeaders } from "@/trpc/upstream-headers";
import { ensureFreshSession } from "./refresh";
import { sessionCookieConfig } from "./session";
import {
  expiredSessionCookie,
  readSessionCookie,
  type SessionCookie,
  sessionCookie,
} from "./session-cookie";

/**
 * The request's session made fresh: its tokens rotated when the access token is about to
 * expire. `cookie` is what to set when they were rotated or the session ended, else null.
 * proxy.ts runs it for every request; a route the proxy skips runs it itself.
 */
export async function sessionUpdate(
  request: NextRequest,
): Promise<{ session: AuthSession | null; cookie: SessionCookie | null }> {
  const config = sessionCookieConfig();
  const session = await readSessionCookie(request.cookies, config);
  if (!session) return { session: null, cookie: null };
  const auth = createServiceClient(() =>
    upstreamHeaders({
      requestId: requestIdFrom(request.headers.get("x-request-id")),
      clientAddress: clientAddress(request.headers, trustedProxies()),
      accessToken: null,
    }),
  ).auth;
  const outcome = await ensureFreshSession(session, (refreshToken) =>
    auth.refresh.mutate({ refreshToken }),
  );
  if (outcome.kind === "refreshed") {
    return { session: outcome.session, cookie: await sessionCookie(outcome.session, config) };
  }
  if (outcome.kind === "ended") return { session: null, cookie: expiredSessionCookie(config) };
  return { session: outcome.session, cookie: null };
}
