import type { AuthSession, UserProfile } from "@tx/api-contracts";
import type mongoose from "mongoose";
import { env } from "../env";
import type { User } from "../models/user";
import { signAccessToken } from "./keys";
import type { IssuedRefreshToken } from "./refresh-tokens";
import { issueRefreshToken } from "./refresh-tokens";

export function toProfile(user: Pick<User, "_id" | "email" | "name">): UserProfile {
  return { id: user._id.toString(), email: user.email, name: user.name };
}

/** An access token for the user plus a refresh token (a new family unless one is given). */
export async function issueSession(
  user: Pick<User, "_id" | "email" | "name">,
  refresh?: IssuedRefreshToken,
): Promise<AuthSession> {
  const profile = toProfile(user);
  const access = await signAccessToken(profile, env.AUTH_ISSUER, env.ACCESS_TOKEN_TTL_SECONDS);
  const refreshToken =
    refresh ??
    (await issueRefreshToken(user._id as mongoose.Types.ObjectId, env.REFRESH_TOKEN_TTL_SECONDS));
  return {
    user: profile,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken: refreshToken.token,
    refreshTokenExpiresAt: refreshToken.expiresAt.toISOString(),
  };
}
