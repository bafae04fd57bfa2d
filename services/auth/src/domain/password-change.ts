import { DomainError, outbox, pendingEvent } from "@tx/service-kit";
import { type User, UserModel } from "../models/user";
import { dropResetTokensOf } from "./emailed-tokens";
import { revokeAllSessionsOf } from "./refresh-tokens";

/**
 * Sets a new password hash and ends every session of the account: the refresh-token
 * families are revoked, so other browsers are signed out at their next refresh (within an
 * access token's lifetime). The user.password_changed event (a notice to the owner) is
 * written by the same update. The caller issues the one new session it hands back.
 */
export async function setPassword(
  user: Pick<User, "_id">,
  passwordHash: string,
  via: "reset" | "change",
): Promise<User> {
  const changedAt = new Date();
  const current = await UserModel.findById(user._id).lean();
  if (!current) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  const updated = await outbox.update(
    UserModel,
    { _id: user._id },
    { $set: { passwordHash, passwordChangedAt: changedAt } },
    [
      pendingEvent("user.password_changed", {
        userId: current._id.toString(),
        email: current.email,
        name: current.name,
        changedAt: changedAt.toISOString(),
        via,
      }),
    ],
  );
  if (!updated) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  await revokeAllSessionsOf(updated._id);
  await dropResetTokensOf(updated.email);
  return updated;
}
