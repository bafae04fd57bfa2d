import type { AuthSession, ResetPasswordInput } from "@tx/api-contracts";
import { addressKey, type Context, DomainError } from "@tx/service-kit";
import { findEmailedToken, spendEmailedToken } from "../domain/emailed-tokens";
import { assertAcceptablePassword, hashPassword } from "../domain/password";
import { setPassword } from "../domain/password-change";
import { issueSession } from "../domain/session";
import { authRates } from "../runtime";

/**
 * The link in the reset email: sets the new password, ends every other session, and signs
 * in. The link works once: a weak password is refused before the link is spent.
 */
export async function resetPassword(ctx: Context, input: ResetPasswordInput): Promise<AuthSession> {
  await authRates().tokenUsePerAddress.take(addressKey(ctx.clientIp));
  const reset = await findEmailedToken(input.token, "reset");
  if (!reset.userId) throw new DomainError("INVALID", "This link is not valid.");
  assertAcceptablePassword(input.password, reset.email);
  const passwordHash = await hashPassword(input.password);
  await spendEmailedToken(reset);
  const user = await setPassword({ _id: reset.userId }, passwordHash, "reset");
  ctx.log.info({ userId: user._id.toString() }, "password reset");
  return issueSession(user);
}
