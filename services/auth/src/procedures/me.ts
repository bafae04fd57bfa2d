import type { UserProfile } from "@tx/api-contracts";
import { type AuthedContext, DomainError } from "@tx/service-kit";
import { toProfile } from "../domain/session";
import { UserModel } from "../models/user";

export async function me(ctx: AuthedContext): Promise<UserProfile> {
  const user = await UserModel.findById(ctx.user.id).lean();
  if (!user) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  return toProfile(user);
}
