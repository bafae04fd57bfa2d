"use client";

import { Form, FormError, SubmitButton } from "@tx/ui";
import { useState, useTransition } from "react";
import { confirmRegistration } from "@/auth/account-actions";

/**
 * The page of a confirmation link: one button. Opening the link changes nothing (mail
 * scanners open links too); pressing it creates the account and signs in.
 */
export function ConfirmRegistrationForm({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  return (
    <Form
      method="post"
      noValidate
      aria-label="Confirm your email"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          setError(null);
          const refusal = await confirmRegistration(token);
          setError(refusal.fieldErrors.token ?? refusal.formError);
        });
      }}
    >
      <FormError message={error} />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel="Creating your account…">
          Create my account
        </SubmitButton>
      </div>
    </Form>
  );
}
