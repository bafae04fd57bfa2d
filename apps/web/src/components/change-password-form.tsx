"use client";

import { ChangePasswordInput, PASSWORD_MAX, PASSWORD_MIN } from "@tx/api-contracts";
import { Card, Form, FormError, Notice, SubmitButton, TextField } from "@tx/ui";
import { useRef, useState, useTransition } from "react";
import { changePassword } from "@/auth/account-actions";
import { useSchemaForm } from "@/forms/use-schema-form";

/** On the account page: a new password, proved by the current one; other sessions end. */
export function ChangePasswordForm() {
  const { field, submitWith, formError, setFormError, showRefusal, reset } = useSchemaForm(
    ChangePasswordInput,
    { currentPassword: "", newPassword: "" },
  );
  const [pending, startTransition] = useTransition();
  const [changed, setChanged] = useState(false);
  const notice = useRef<HTMLDivElement>(null);

  const onSubmit = submitWith((values) =>
    startTransition(async () => {
      setFormError(null);
      setChanged(false);
      const outcome = await changePassword(values);
      if (outcome.kind === "refused") return showRefusal(outcome.errors);
      reset();
      setChanged(true);
      requestAnimationFrame(() => notice.current?.focus());
    }),
  );

  return (
    <Card title="Password">
      {changed ? (
        <Notice tone="success" role="status" title="Password changed" focusRef={notice}>
          <p>Every other browser where you were signed in has been signed out.</p>
        </Notice>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit} aria-label="Change your password">
        <FormError message={formError} />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...field("currentPassword")}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Changing it signs you out everywhere else.`}
          {...field("newPassword")}
        />
        <div className="tx-form__actions">
          <SubmitButton pending={pending} pendingLabel="Changing…">
            Change password
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
