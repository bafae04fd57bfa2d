"use client";

import { RequestPasswordResetInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton } from "@tx/ui";
import { requestPasswordReset } from "@/auth/account-actions";
import { useEmailForm } from "@/forms/use-email-form";
import { EmailField } from "./account-fields";
import { EmailSent } from "./email-sent";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { field, formError, pending, sentTo, onSubmit } = useEmailForm(
    RequestPasswordResetInput,
    { email: "" },
    requestPasswordReset,
  );

  if (sentTo) {
    return (
      <EmailSent title="Check your inbox">
        <p>
          If <strong>{sentTo}</strong> has an account here, we sent it a link to choose a new
          password. The link works once, for 30 minutes.
        </p>
        <p>Nothing after a few minutes? Look in your spam folder, or ask again.</p>
      </EmailSent>
    );
  }

  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label="Reset your password">
      <FormError message={formError} />
      <EmailField
        autoComplete="username"
        hint="The address your account is registered with."
        {...field("email")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Send reset link
        </SubmitButton>
      </div>
    </Form>
  );
}
