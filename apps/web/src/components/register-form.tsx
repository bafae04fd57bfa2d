"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PASSWORD_MAX, PASSWORD_MIN, RegisterInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton, TextField } from "@tx/ui";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { register as registerAccount } from "@/auth/actions";
import { useFormErrors } from "@/forms/use-form-errors";

type Props = { callbackPath: string };

export function RegisterForm({ callbackPath }: Props) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof RegisterInput>, unknown, RegisterInput>({
    resolver: zodResolver(RegisterInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { formError, setFormError, showRefusal } = useFormErrors(setError);
  const [pending, startTransition] = useTransition();

  // In a transition, the action's redirect on success is followed like a form action's.
  const onSubmit = handleSubmit((values) =>
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
        error={errors.name?.message}
        {...register("name")}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        label="Password"
        type="password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Avoid common passwords.`}
        autoComplete="new-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel="Creating account…">
          Create account
        </SubmitButton>
      </div>
    </Form>
  );
}
