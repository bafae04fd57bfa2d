"use server";

import { type AuthSession, RegisterInput } from "@tx/api-contracts";
import { redirect } from "next/navigation";
import { type FormErrors, formErrorsFromService, formErrorsFromZod } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import { safeCallbackPath } from "./callback-path";
import { revokeSession } from "./revoke";
import { saveSession, storedAuthSession } from "./session";

const registerFields = ["email", "name", "password"] as const;
export type RegisterErrors = FormErrors<(typeof registerFields)[number]>;

/**
 * Creates the account and signs the new user in with the session the auth service returned,
 * then goes to `callbackUrl` (a path on this site) or home. Returns only when refused.
 */
export async function register(values: unknown, callbackUrl: unknown): Promise<RegisterErrors> {
  const input = RegisterInput.safeParse(values);
  if (!input.success) return formErrorsFromZod(input.error, registerFields);
  let session: AuthSession;
  try {
    session = await (await serverApi()).auth.register.mutate(input.data);
  } catch (err) {
    return formErrorsFromService(serviceError(err), registerFields);
  }
  await saveSession(session);
  redirect(safeCallbackPath(callbackUrl));
}

/** Revokes the session at the auth service, forgets it here, and goes home. */
export async function signOut(): Promise<void> {
  const session = await storedAuthSession();
  if (session) await revokeSession(session);
  await saveSession(null);
  redirect("/");
}
