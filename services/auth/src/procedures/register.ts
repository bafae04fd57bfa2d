import type { AuthSession, RegisterInput } from "@tx/api-contracts";
import { type Context, DomainError, isDuplicateKey, outbox, pendingEvent } from "@tx/service-kit";
import { assertAcceptablePassword, hashPassword } from "../domain/password";
import { issueSession } from "../domain/session";
import { UserModel } from "../models/user";

export async function register(ctx: Context, input: RegisterInput): Promise<AuthSession> {
  assertAcceptablePassword(input.password, input.email);
  const user = new UserModel({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
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
    if (isDuplicateKey(err)) {
      throw new DomainError("CONFLICT", "An account with this email already exists.", {
        fields: { email: "An account with this email already exists. Sign in instead?" },
      });
    }
    throw err;
  }
  ctx.log.info({ userId: user._id.toString() }, "user registered");
  return issueSession(user);
}
