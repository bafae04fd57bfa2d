"use client";

import { SignInInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton, TextField } from "@tx/ui";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { decodeSignInFailure, signInFailureMessage } from "@/auth/sign-in-failure";
import { useSchemaForm } from "@/forms/use-schema-form";

type Props = { callbackPath: string };

export function SignInForm({ callbackPath }: Props) {
  const {
    field,
    handleSubmit,
    formError,
    setFormError,
    formState: { isSubmitting },
  } = useSchemaForm(SignInInput, { email: "", password: "" });
  const [leaving, setLeaving] = useState(false);

  const onSubmit = handleSubmit(async (values) => {
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
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        {...field("email")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        {...field("password")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={isSubmitting || leaving} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </div>
    </Form>
  );
}
