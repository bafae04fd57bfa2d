import type { PasswordResetRequested, RequestPasswordResetInput } from "@tx/api-contracts";
import { addressKey, type Context, pendingEvent, takeAll } from "@tx/service-kit";
import { issueEmailedToken } from "../domain/emailed-tokens";
import { env } from "../env";
import { UserModel } from "../models/user";
import { authRates } from "../runtime";

/**
 * Emails a reset link if the address has an account. The answer is the same either way
 * (and so are the limits), so the form tells nobody who has an account.
 */
export async function requestPasswordReset(
  ctx: Context,
  input: RequestPasswordResetInput,
): Promise<PasswordResetRequested> {
  const rates = authRates();
  await takeAll([
    [rates.resetPerAddress, addressKey(ctx.clientIp)],
    [rates.resetPerEmail, input.email],
  ]);
  const user = await UserModel.findOne({ email: input.email }, { _id: 1, name: 1 }).lean();
  if (user) {
    await issueEmailedToken(
      { purpose: "reset", email: input.email, name: user.name, userId: user._id },
      env.RESET_TOKEN_TTL_SECONDS,
      (linkId, expiresAt) =>
        pendingEvent("user.password_reset_requested", {
          userId: user._id.toString(),
          email: input.email,
          name: user.name,
          linkId,
          expiresAt: expiresAt.toISOString(),
        }),
    );
    ctx.log.info({ userId: user._id.toString() }, "password reset link issued");
  }
  return { sentTo: input.email };
}
