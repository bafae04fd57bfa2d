import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/auth/session";
import { sessionUpdate } from "@/auth/session-update";
import { isDevelopment, servedOverHttps } from "@/env";
import { contentSecurityPolicy, createNonce } from "@/security/headers";

/**
 * Runs before every page, route handler and server action:
 * - keeps the session fresh: rotates the tokens when the access token is about to expire,
 *   and hands the new cookie both to the browser and to the page about to render (server
 *   components cannot set cookies, so this is the one place a rotation can be saved);
 * - sets the Content-Security-Policy with this request's nonce, which Next puts on its scripts.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { cookie } = await sessionUpdate(request);
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

export const config = {
  // Not for build assets, which carry no session and need no policy of their own; not for
  // the ticket-file upload, whose body Next would otherwise buffer for the proxy (it
  // refreshes the session itself: api/delivery/upload/route.ts).
  matcher: ["/((?!_next/static|_next/image|api/delivery/upload).*)"],
};
