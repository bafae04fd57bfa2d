"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { SignInInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton, TextField } from "@tx/ui";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { decodeSignInFailure, signInFailureMessage } from "@/auth/sign-in-failure";
import { useFormErrors } from "@/forms/use-form-errors";

type Props = { callbackPath: string };

export function SignInForm({ callbackPath }: Props) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof SignInInput>, unknown, SignInInput>({
    resolver: zodResolver(SignInInput),
    defaultValues: { email: "", password: "" },
  });
  const { formError, setFormError } = useFormErrors(setError);
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
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={isSubmitting || leaving} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </div>
    </Form>
  );
}
