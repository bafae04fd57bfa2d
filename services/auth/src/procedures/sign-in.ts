import type { AuthSession, SignInInput } from "@tx/api-contracts";
import { type Context, DomainError } from "@tx/service-kit";
import { verifyPassword } from "../domain/password";
import { issueSession } from "../domain/session";
import { UserModel } from "../models/user";
import { signInThrottle } from "../runtime";

/** One message for an unknown email and a wrong password, with the same work behind both. */
export const WRONG_CREDENTIALS = "Email or password is wrong.";

export async function signIn(ctx: Context, input: SignInInput): Promise<AuthSession> {
  // Counted before the check runs: parallel guesses cannot all get through.
  const attempt = await signInThrottle().begin(input.email, ctx.clientIp);
  const user = await UserModel.findOne({ email: input.email }).lean();
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await attempt.failed();
    ctx.log.info({ clientIp: ctx.clientIp }, "sign-in refused");
    throw new DomainError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await attempt.succeeded();
  return issueSession(user);
}
