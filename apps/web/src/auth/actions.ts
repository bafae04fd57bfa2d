"use server";

import { RegisterInput } from "@tx/api-contracts";
import { redirect } from "next/navigation";
import { type FormErrors, formErrorsFromService, formErrorsFromZod } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import { revokeSession } from "./revoke";
import { saveSession, storedAuthSession } from "./session";

const registerFields = ["email", "name", "password"] as const;
export type RegisterErrors = FormErrors<(typeof registerFields)[number]>;

export type RegisterOutcome =
  | { kind: "refused"; errors: RegisterErrors }
  | { kind: "sent"; sentTo: string };

/**
 * Asks the auth service to register the email. It answers the same whether or not the
 * email has an account (the email itself says which), so the form always ends at "check
 * your inbox": the page tells nobody who has an account here.
 */
export async function register(values: unknown): Promise<RegisterOutcome> {
  const input = RegisterInput.safeParse(values);
  if (!input.success) {
    return { kind: "refused", errors: formErrorsFromZod(input.error, registerFields) };
  }
  try {
    const { sentTo } = await (await serverApi()).auth.register.mutate(input.data);
    return { kind: "sent", sentTo };
  } catch (err) {
    return { kind: "refused", errors: formErrorsFromService(serviceError(err), registerFields) };
  }
}

/** Revokes the session at the auth service, forgets it here, and goes home. */
export async function signOut(): Promise<void> {
  const session = await storedAuthSession();
  if (session) await revokeSession(session);
  await saveSession(null);
  redirect("/");
}
