import type { AuthSession } from "@tx/api-contracts";

/** An AuthSession as the auth service would issue it at `now`. */
export function testSession(now: number, overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    user: { id: "65f0c0ffee0000000000abcd", email: "ada@example.com", name: "Ada" },
    accessToken: `access-${now}`,
    accessTokenExpiresAt: new Date(now + 15 * 60_000).toISOString(),
    refreshToken: "r".repeat(43),
    refreshTokenExpiresAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
    ...overrides,
  };
}
