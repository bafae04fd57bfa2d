import "server-only";
import type { AuthSession } from "@tx/api-contracts";
import { serverApi } from "@/trpc/server";

/** Revokes the session's refresh token (and its family) at the auth service. */
export async function revokeSession(session: AuthSession): Promise<void> {
  try {
    await (await serverApi()).auth.signOut.mutate({ refreshToken: session.refreshToken });
  } catch (err) {
    // The cookie goes anyway; the refresh token then dies unused when it expires.
    console.warn(`sign-out could not revoke the session: ${String(err)}`);
  }
}
