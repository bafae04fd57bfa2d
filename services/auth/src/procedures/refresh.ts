import type { AuthSession, RefreshInput } from "@tx/api-contracts";
import { DomainError } from "@tx/service-kit";
import { rotateRefreshToken } from "../domain/refresh-tokens";
import { issueSession } from "../domain/session";
import { env } from "../env";
import { UserModel } from "../models/user";

export async function refresh(input: RefreshInput): Promise<AuthSession> {
  const { userId, next } = await rotateRefreshToken(
    input.refreshToken,
    env.REFRESH_TOKEN_TTL_SECONDS,
    env.REFRESH_REUSE_GRACE_SECONDS,
  );
  const user = await UserModel.findById(userId).lean();
  if (!user) throw new DomainError("UNAUTHENTICATED");
  return issueSession(user, next);
}
