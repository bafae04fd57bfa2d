"use client";

import { RequestPasswordResetInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton } from "@tx/ui";
import { useState, useTransition } from "react";
import { requestPasswordReset } from "@/auth/account-actions";
import { useSchemaForm } from "@/forms/use-schema-form";
import { EmailField } from "./account-fields";
import { EmailSent } from "./email-sent";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { field, submitWith, formError, setFormError, showRefusal } = useSchemaForm(
    RequestPasswordResetInput,
    { email: "" },
  );
  const [pending, startTransition] = useTransition();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = submitWith((values) =>
    startTransition(async () => {
      setFormError(null);
      const outcome = await requestPasswordReset(values);
      if (outcome.kind === "sent") setSentTo(outcome.sentTo);
      else showRefusal(outcome.errors);
    }),
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
