import type { AuthSession, ChangePasswordInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError } from "@tx/service-kit";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "../domain/password";
import { setPassword } from "../domain/password-change";
import { issueSession } from "../domain/session";
import { UserModel } from "../models/user";
import { signInThrottle } from "../runtime";

const NOT_CURRENT = "This is not your current password.";

/**
 * Changes the password of the signed-in user, who proves it with the current one (under
 * the sign-in throttle: a borrowed session cannot guess it). Every session ends but the
 * new one returned here.
 */
export async function changePassword(
  ctx: AuthedContext,
  input: ChangePasswordInput,
): Promise<AuthSession> {
  const user = await UserModel.findById(ctx.user.id).lean();
  if (!user) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  const attempt = await signInThrottle().begin(user.email, ctx.clientIp);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await attempt.failed();
    throw new DomainError("INVALID", NOT_CURRENT, { fields: { currentPassword: NOT_CURRENT } });
  }
  await attempt.succeeded();
  if (input.newPassword === input.currentPassword) {
    const same = "Choose a password different from the current one.";
    throw new DomainError("INVALID", same, { fields: { newPassword: same } });
  }
  try {
    assertAcceptablePassword(input.newPassword, user.email);
  } catch (err) {
    // The form's field for it is newPassword.
    if (err instanceof DomainError && err.fields?.password) {
      throw new DomainError("INVALID", err.message, {
        fields: { newPassword: err.fields.password },
      });
    }
    throw err;
  }
  const changed = await setPassword(user, await hashPassword(input.newPassword), "change");
  ctx.log.info({ userId: user._id.toString() }, "password changed");
  return issueSession(changed);
}
