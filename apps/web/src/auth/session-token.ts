import type { AuthSession, UserProfile } from "@tx/api-contracts";

/** Refresh this long before the access token expires, so no call carries one that just died. */
export const REFRESH_MARGIN_MS = 60_000;

/** What the browser may know of its session: who is signed in, never a token. */
export type PublicSession = { user: UserProfile };

export function publicSession(session: AuthSession): PublicSession {
  const { id, email, name } = session.user;
  return { user: { id, email, name } };
}

export function accessTokenDue(session: AuthSession, now: number): boolean {
  return Date.parse(session.accessTokenExpiresAt) - now <= REFRESH_MARGIN_MS;
}

export function accessTokenValid(session: AuthSession, now: number): boolean {
  return Date.parse(session.accessTokenExpiresAt) > now;
}

export function refreshTokenValid(session: AuthSession, now: number): boolean {
  return Date.parse(session.refreshTokenExpiresAt) > now;
}
