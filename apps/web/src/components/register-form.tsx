"use client";

import { PASSWORD_MAX, PASSWORD_MIN, RegisterInput } from "@tx/api-contracts";
import { Form, FormError, SubmitButton, TextField } from "@tx/ui";
import { register as registerAccount } from "@/auth/actions";
import { useEmailForm } from "@/forms/use-email-form";
import { EmailField, PasswordField } from "./account-fields";
import { EmailSent } from "./email-sent";

/**
 * Registration ends at "check your inbox" for every email, new or not: the link in the
 * email creates the account (or, for an address that has one, says so).
 */
export function RegisterForm() {
  const { field, formError, pending, sentTo, onSubmit } = useEmailForm(
    RegisterInput,
    { name: "", email: "", password: "" },
    registerAccount,
  );

  if (sentTo) {
    return (
      <EmailSent title="Check your inbox">
        <p>
          We sent an email to <strong>{sentTo}</strong>. Follow the link in it to finish creating
          your account; it works for 24 hours.
        </p>
        <p>Nothing after a few minutes? Look in your spam folder, or register again.</p>
      </EmailSent>
    );
  }

  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label="Create your account">
      <FormError message={formError} />
      <TextField
        label="Name"
        hint="Shown to buyers and sellers you trade with."
        autoComplete="name"
        {...field("name")}
      />
      <EmailField
        autoComplete="email"
        hint="We send a link there to finish creating your account."
        {...field("email")}
      />
      <PasswordField
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Avoid common passwords.`}
        autoComplete="new-password"
        {...field("password")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Create account
        </SubmitButton>
      </div>
    </Form>
  );
}
