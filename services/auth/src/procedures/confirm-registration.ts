import type { AuthSession, ConfirmRegistrationInput } from "@tx/api-contracts";
import {
  addressKey,
  type Context,
  DomainError,
  isDuplicateKey,
  outbox,
  pendingEvent,
} from "@tx/service-kit";
import { findEmailedToken, spendEmailedToken } from "../domain/emailed-tokens";
import { issueSession } from "../domain/session";
import { UserModel } from "../models/user";
import { authRates } from "../runtime";

/** The link in the confirmation email: creates the account and signs its owner in, once. */
export async function confirmRegistration(
  ctx: Context,
  input: ConfirmRegistrationInput,
): Promise<AuthSession> {
  await authRates().tokenUsePerAddress.take(addressKey(ctx.clientIp));
  const pending = await findEmailedToken(input.token, "confirm");
  await spendEmailedToken(pending);
  const user = new UserModel({
    email: pending.email,
    name: pending.name,
    passwordHash: pending.passwordHash,
  });
  try {
    await outbox.save(user, [
      pendingEvent("user.registered", {
        id: user._id.toString(),
        email: user.email,
        name: user.name,
      }),
    ]);
  } catch (err) {
    // Two registrations of one address, both confirmed: the first one made the account.
    if (isDuplicateKey(err)) {
      throw new DomainError("CONFLICT", "This email already has an account. Sign in instead.");
    }
    throw err;
  }
  ctx.log.info({ userId: user._id.toString() }, "user registered");
  return issueSession(user);
}
