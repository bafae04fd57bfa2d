"use server";

import { RegisterInput } from "@tx/api-contracts";
import { redirect } from "next/navigation";
import { type EmailOutcome, formErrorsFromService, formErrorsFromZod } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import { revokeSession } from "./revoke";
import { saveSession, storedAuthSession } from "./session";

const registerFields = ["email", "name", "password"] as const;
export type RegisterOutcome = EmailOutcome<(typeof registerFields)[number]>;

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
