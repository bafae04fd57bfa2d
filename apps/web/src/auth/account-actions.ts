"use server";

import {
  ChangePasswordInput,
  ConfirmRegistrationInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
} from "@tx/api-contracts";
import { redirect } from "next/navigation";
import {
  type EmailOutcome,
  type FormErrors,
  formErrorsFromService,
  formErrorsFromZod,
} from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import { saveSession } from "./session";

// Account recovery and the emailed links (issue 18). Each action returns only when refused,
// or with what the page shows next; the auth service holds every rule.

const linkFields = ["token"] as const;
export type LinkErrors = FormErrors<(typeof linkFields)[number]>;

/** The confirmation link: the account is created and its owner signed in, then home. */
export async function confirmRegistration(token: unknown): Promise<LinkErrors> {
  const input = ConfirmRegistrationInput.safeParse({ token });
  if (!input.success) return formErrorsFromZod(input.error, linkFields);
  try {
    await saveSession(await (await serverApi()).auth.confirmRegistration.mutate(input.data));
  } catch (err) {
    return formErrorsFromService(serviceError(err), linkFields);
  }
  redirect("/");
}

const forgotFields = ["email"] as const;
export type ForgotOutcome = EmailOutcome<(typeof forgotFields)[number]>;

/** "Forgot your password?": the same answer whether or not the email has an account. */
export async function requestPasswordReset(values: unknown): Promise<ForgotOutcome> {
  const input = RequestPasswordResetInput.safeParse(values);
  if (!input.success) {
    return { kind: "refused", errors: formErrorsFromZod(input.error, forgotFields) };
  }
  try {
    const { sentTo } = await (await serverApi()).auth.requestPasswordReset.mutate(input.data);
    return { kind: "sent", sentTo };
  } catch (err) {
    return { kind: "refused", errors: formErrorsFromService(serviceError(err), forgotFields) };
  }
}

// The token is the link, not a field: its refusal ("expired or already used") is the form's.
const resetFields = ["password"] as const;
export type ResetErrors = FormErrors<(typeof resetFields)[number]>;

/** The reset link: the new password is set, every other session ends, this one begins. */
export async function resetPassword(values: unknown): Promise<ResetErrors> {
  const input = ResetPasswordInput.safeParse(values);
  if (!input.success) return formErrorsFromZod(input.error, resetFields);
  try {
    await saveSession(await (await serverApi()).auth.resetPassword.mutate(input.data));
  } catch (err) {
    return formErrorsFromService(serviceError(err), resetFields);
  }
  redirect("/account?password=reset");
}

const changeFields = ["currentPassword", "newPassword"] as const;
export type ChangeOutcome =
  | { kind: "refused"; errors: FormErrors<(typeof changeFields)[number]> }
  | { kind: "changed" };

/** Signed in: a new password; this browser keeps a new session, every other one ends. */
export async function changePassword(values: unknown): Promise<ChangeOutcome> {
  const input = ChangePasswordInput.safeParse(values);
  if (!input.success) {
    return { kind: "refused", errors: formErrorsFromZod(input.error, changeFields) };
  }
  try {
    await saveSession(await (await serverApi()).auth.changePassword.mutate(input.data));
  } catch (err) {
    return { kind: "refused", errors: formErrorsFromService(serviceError(err), changeFields) };
  }
  return { kind: "changed" };
}
