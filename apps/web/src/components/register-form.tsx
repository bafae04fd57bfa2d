"use client";

import { PASSWORD_MAX, PASSWORD_MIN, RegisterInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton, TextField } from "@tx/ui";
import { useTransition } from "react";
import { register as registerAccount } from "@/auth/actions";
import { useSchemaForm } from "@/forms/use-schema-form";
import { EmailField, PasswordField } from "./account-fields";

type Props = { callbackPath: string };

export function RegisterForm({ callbackPath }: Props) {
  const { field, submitWith, formError, setFormError, showRefusal } = useSchemaForm(RegisterInput, {
    name: "",
    email: "",
    password: "",
  });
  const [pending, startTransition] = useTransition();

  // In a transition, the action's redirect on success is followed like a form action's.
  const onSubmit = submitWith((values) =>
    startTransition(async () => {
      setFormError(null);
      showRefusal(await registerAccount(values, callbackPath));
    }),
  );

  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label="Create your account">
      <FormError message={formError} />
      <TextField
        label="Name"
        hint="Shown to buyers and sellers you trade with."
        autoComplete="name"
        {...field("name")}
      />
      <EmailField autoComplete="email" {...field("email")} />
      <PasswordField
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Avoid common passwords.`}
        autoComplete="new-password"
        {...field("password")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel="Creating account…">
          Create account
        </SubmitButton>
      </div>
    </Form>
  );
}
