"use client";

import { SignInInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton } from "@tx/ui";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { decodeSignInFailure, signInFailureMessage } from "@/auth/sign-in-failure";
import { useSchemaForm } from "@/forms/use-schema-form";
import { EmailField, PasswordField } from "./account-fields";

type Props = { callbackPath: string };

export function SignInForm({ callbackPath }: Props) {
  const {
    field,
    submitWith,
    formError,
    setFormError,
    formState: { isSubmitting },
  } = useSchemaForm(SignInInput, { email: "", password: "" });
  const [leaving, setLeaving] = useState(false);

  const onSubmit = submitWith(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", {
      ...values,
      callbackUrl: callbackPath,
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      setLeaving(true);
      // A full load, so every server-rendered part (the header too) shows the signed-in user.
      window.location.assign(callbackPath);
      return;
    }
    setFormError(signInFailureMessage(decodeSignInFailure(result?.error ?? "unavailable")));
  });

  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label="Sign in">
      <FormError message={formError} />
      <EmailField autoComplete="username" {...field("email")} />
      <PasswordField autoComplete="current-password" {...field("password")} />
      <div className="tx-form__actions">
        <SubmitButton pending={isSubmitting || leaving} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </div>
    </Form>
  );
}
