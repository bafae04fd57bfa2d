import type { RegisterInput, RegistrationReceived } from "@tx/api-contracts";
import { addressKey, type Context, outbox, pendingEvent, takeAll } from "@tx/service-kit";
import { issueEmailedToken } from "../domain/emailed-tokens";
import { assertAcceptablePassword, hashPassword } from "../domain/password";
import { env } from "../env";
import { UserModel } from "../models/user";
import { authRates } from "../runtime";

/**
 * Registers without telling the caller whether the email already has an account: both
 * cases run the same checks and one argon2 hash, and answer the same. The email says which:
 * a new address gets a link that creates the account (and signs in); an address with an
 * account is told so, with links to sign in or reset the password. Nobody can use, or
 * squat, an address they cannot read.
 */
export async function register(ctx: Context, input: RegisterInput): Promise<RegistrationReceived> {
  const rates = authRates();
  await takeAll([
    [rates.registerPerAddress, addressKey(ctx.clientIp)],
    [rates.registerPerEmail, input.email],
  ]);
  assertAcceptablePassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);

  const existing = await UserModel.findOne({ email: input.email }, { _id: 1, name: 1 }).lean();
  if (existing) {
    await outbox.update(UserModel, { _id: existing._id }, {}, [
      pendingEvent("user.registration_repeated", {
        userId: existing._id.toString(),
        email: input.email,
        name: existing.name,
      }),
    ]);
    ctx.log.info({ userId: existing._id.toString() }, "registration for an existing account");
  } else {
    await issueEmailedToken(
      { purpose: "confirm", email: input.email, name: input.name, passwordHash },
      env.CONFIRM_TOKEN_TTL_SECONDS,
      (linkId, expiresAt) =>
        pendingEvent("user.registration_requested", {
          email: input.email,
          name: input.name,
          linkId,
          expiresAt: expiresAt.toISOString(),
        }),
    );
    ctx.log.info("registration awaiting its email confirmation");
  }
  return { sentTo: input.email };
}
