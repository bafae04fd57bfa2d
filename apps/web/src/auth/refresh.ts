import type { AuthSession } from "@tx/api-contracts";
import { serviceError } from "../trpc/service-error";
import { accessTokenDue, accessTokenValid, refreshTokenValid } from "./session-token";

export type RefreshOutcome =
  | { kind: "current"; session: AuthSession }
  | { kind: "refreshed"; session: AuthSession }
  | { kind: "ended" };

export type RefreshCall = (refreshToken: string) => Promise<AuthSession>;

/**
 * How long a rotation's result is reused for requests that still carry the old cookie: the
 * browser's parallel requests left before it stored the new one. Matches the auth service's
 * grace window, after which presenting the old refresh token would revoke the session.
 */
const SHARED_RESULT_MS = 10_000;

const rotations = new Map<string, Promise<AuthSession>>();

/**
 * Rotates the session's tokens when the access token is about to expire. One rotation per
 * refresh token in this process: concurrent requests share it instead of racing the auth
 * service with a token only one of them may spend. A refresh the auth service refuses ends
 * the session; one it did not answer keeps the session while its access token still works.
 */
export async function ensureFreshSession(
  session: AuthSession,
  refresh: RefreshCall,
  now: number = Date.now(),
): Promise<RefreshOutcome> {
  if (!refreshTokenValid(session, now)) return { kind: "ended" };
  if (!accessTokenDue(session, now)) return { kind: "current", session };
  try {
    return { kind: "refreshed", session: await sharedRotation(session.refreshToken, refresh) };
  } catch (err) {
    // Refused, not unanswered: the session was revoked (signed out, or a password change
    // elsewhere ended it), so it ends now rather than when its access token runs out.
    if (serviceError(err)?.code === "UNAUTHORIZED") return { kind: "ended" };
    console.warn(`session refresh failed: ${err instanceof Error ? err.message : String(err)}`);
    return accessTokenValid(session, now) ? { kind: "current", session } : { kind: "ended" };
  }
}

function sharedRotation(refreshToken: string, refresh: RefreshCall): Promise<AuthSession> {
  let rotation = rotations.get(refreshToken);
  if (!rotation) {
    rotation = refresh(refreshToken);
    rotations.set(refreshToken, rotation);
    const forget = () => rotations.delete(refreshToken);
    rotation.then(() => setTimeout(forget, SHARED_RESULT_MS).unref(), forget);
  }
  return rotation;
}
