import "server-only";
import type { AuthSession } from "@tx/api-contracts";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { env, servedOverHttps } from "@/env";
import { withCallback } from "./callback-path";
import {
  expiredSessionCookie,
  readSessionCookie,
  type SessionCookieConfig,
  sessionCookie,
} from "./session-cookie";
import { accessTokenValid, type PublicSession, publicSession } from "./session-token";

/** Set by proxy.ts on every request it sees: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = "x-tx-request-path";

export function sessionCookieConfig(): SessionCookieConfig {
  return { secret: env().NEXTAUTH_SECRET, secure: servedOverHttps() };
}

/** The session the cookie holds, tokens and all, whether or not its access token still works. */
export async function storedAuthSession(): Promise<AuthSession | null> {
  return readSessionCookie(await cookies(), sessionCookieConfig());
}

/**
 * The request's session with its tokens, for server code only. proxy.ts has refreshed it
 * before this request reached a page or route; an access token that still expired means
 * the session has ended.
 */
export async function currentAuthSession(): Promise<AuthSession | null> {
  const session = await storedAuthSession();
  return session && accessTokenValid(session, Date.now()) ? session : null;
}

/** Makes the session the browser's: from a server action or route handler only. */
export async function saveSession(session: AuthSession | null): Promise<void> {
  const config = sessionCookieConfig();
  const cookie = session ? await sessionCookie(session, config) : expiredSessionCookie(config);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}

/** Who is signed in, if anyone: safe to render or hand to client components. */
export async function getSession(): Promise<PublicSession | null> {
  const session = await currentAuthSession();
  return session && publicSession(session);
}

/**
 * For pages that need a signed-in user: the session, or a redirect to the sign-in page that
 * comes back to this page afterwards. Await it at the top of the page, outside any Suspense
 * boundary (and give the route no loading.tsx), so the redirect is an HTTP 307 sent before
 * any of the page is.
 */
export async function requireSession(): Promise<PublicSession> {
  const session = await getSession();
  if (!session) {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
    redirect(withCallback("/signin", path));
  }
  return session;
}
