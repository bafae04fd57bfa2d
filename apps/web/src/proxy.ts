import { type NextRequest, NextResponse } from "next/server";
import { ensureFreshSession } from "@/auth/refresh";
import { REQUEST_PATH_HEADER, sessionCookieConfig } from "@/auth/session";
import {
  expiredSessionCookie,
  readSessionCookie,
  type SessionCookie,
  sessionCookie,
} from "@/auth/session-cookie";
import { isDevelopment, servedOverHttps } from "@/env";
import { contentSecurityPolicy, createNonce } from "@/security/headers";
import { clientAddress } from "@/security/request";
import { requestIdFrom } from "@/trpc/request-id";
import { createServiceClient } from "@/trpc/service-client";
import { upstreamHeaders } from "@/trpc/upstream-headers";

/**
 * Runs before every page, route handler and server action:
 * - keeps the session fresh: rotates the tokens when the access token is about to expire,
 *   and hands the new cookie both to the browser and to the page about to render (server
 *   components cannot set cookies, so this is the one place a rotation can be saved);
 * - sets the Content-Security-Policy with this request's nonce, which Next puts on its scripts.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const cookie = await sessionUpdate(request);
  if (cookie?.value) request.cookies.set(cookie.name, cookie.value);
  else if (cookie) request.cookies.delete(cookie.name);

  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: isDevelopment,
    upgradeInsecureRequests: servedOverHttps(),
    stripe: request.nextUrl.pathname.startsWith("/checkout/"),
    queueBoard: request.nextUrl.pathname.startsWith("/operator/queues"),
  });
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("content-security-policy", policy);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

/** The session cookie to set when its tokens were rotated or the session ended, else null. */
async function sessionUpdate(request: NextRequest): Promise<SessionCookie | null> {
  const config = sessionCookieConfig();
  const session = await readSessionCookie(request.cookies, config);
  if (!session) return null;
  const auth = createServiceClient(() =>
    upstreamHeaders({
      requestId: requestIdFrom(request.headers.get("x-request-id")),
      clientAddress: clientAddress(request.headers),
      accessToken: null,
    }),
  ).auth;
  const outcome = await ensureFreshSession(session, (refreshToken) =>
    auth.refresh.mutate({ refreshToken }),
  );
  if (outcome.kind === "refreshed") return sessionCookie(outcome.session, config);
  if (outcome.kind === "ended") return expiredSessionCookie(config);
  return null;
}

export const config = {
  // Not for build assets, which carry no session and need no policy of their own.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
