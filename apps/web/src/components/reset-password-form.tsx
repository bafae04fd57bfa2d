"use client";

import { PASSWORD_MAX, PASSWORD_MIN, ResetPasswordInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton, TextField } from "@tx/ui";
import { useTransition } from "react";
import { resetPassword } from "@/auth/account-actions";
import { useSchemaForm } from "@/forms/use-schema-form";

const NewPassword = ResetPasswordInput.pick({ password: true });

/** The page of a reset link: a new password, then signed in (everywhere else signed out). */
export function ResetPasswordForm({ token }: { token: string }) {
  const { field, submitWith, formError, setFormError, showRefusal } = useSchemaForm(NewPassword, {
    password: "",
  });
  const [pending, startTransition] = useTransition();

  // In a transition, the action's redirect on success is followed like a form action's.
  const onSubmit = submitWith((values) =>
    startTransition(async () => {
      setFormError(null);
      showRefusal(await resetPassword({ ...values, token }));
    }),
  );

  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label="Choose a new password">
      <FormError message={formError} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Avoid common passwords.`}
        {...field("password")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save and sign in
        </SubmitButton>
      </div>
    </Form>
  );
}
