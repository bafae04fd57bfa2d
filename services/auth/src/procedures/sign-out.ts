import type { RefreshInput } from "@tx/api-contracts";
import { revokeRefreshToken } from "../domain/refresh-tokens";

/** Holding the refresh token is the authority to end its session. */
export async function signOut(input: RefreshInput): Promise<{ ok: true }> {
  await revokeRefreshToken(input.refreshToken);
  return { ok: true };
}
