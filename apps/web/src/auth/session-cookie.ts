import { AuthSession } from "@tx/api-contracts";
import { decode, encode } from "next-auth/jwt";

/**
 * The session cookie holds the auth service's AuthSession (access and refresh token), in a
 * JWE encrypted with NEXTAUTH_SECRET: the browser stores it but can neither read nor change
 * it, and scripts cannot see it at all (httpOnly). next-auth and this module both write it.
 */
export type SessionCookieConfig = { secret: string; secure: boolean };

/** As long as the refresh token lives; the auth service ends it sooner if it is revoked. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function sessionCookieName(secure: boolean): string {
  // next-auth's own names, so its routes and this module find the same cookie.
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
}

export type SessionCookie = {
  name: string;
  value: string;
  options: ReturnType<typeof sessionCookieOptions> & { maxAge: number };
};

export async function sessionCookie(
  session: AuthSession,
  config: SessionCookieConfig,
): Promise<SessionCookie> {
  const value = await encode({
    token: session,
    secret: config.secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return {
    name: sessionCookieName(config.secure),
    value,
    options: { ...sessionCookieOptions(config.secure), maxAge: SESSION_MAX_AGE_SECONDS },
  };
}

/** Deletes the cookie. With its options, so a Secure (__Secure-) cookie really is replaced. */
export function expiredSessionCookie(config: SessionCookieConfig): SessionCookie {
  return {
    name: sessionCookieName(config.secure),
    value: "",
    options: { ...sessionCookieOptions(config.secure), maxAge: 0 },
  };
}

/** The session in a cookie value, or null if it is missing, forged, expired or malformed. */
export async function decodeSessionCookie(
  value: string | undefined,
  config: SessionCookieConfig,
): Promise<AuthSession | null> {
  if (!value) return null;
  try {
    const payload = await decode({ token: value, secret: config.secret });
    const session = AuthSession.safeParse(payload);
    return session.success ? session.data : null;
  } catch {
    return null;
  }
}

/** What both `cookies()` from next/headers and NextRequest's cookies offer for reading. */
export type CookieReader = { get(name: string): { value: string } | undefined };

export function readSessionCookie(
  cookies: CookieReader,
  config: SessionCookieConfig,
): Promise<AuthSession | null> {
  return decodeSessionCookie(cookies.get(sessionCookieName(config.secure))?.value, config);
}
