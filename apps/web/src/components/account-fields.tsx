import { TextField, type TextFieldProps } from "@tx/ui";

type FieldProps = Omit<TextFieldProps, "label" | "type">;

/** The email field of the sign-in and register forms: "username" to sign in, "email" to register. */
export function EmailField(props: FieldProps & { autoComplete: "username" | "email" }) {
  return <TextField label="Email" type="email" inputMode="email" spellCheck={false} {...props} />;
}

/** The password field of the sign-in and register forms. */
export function PasswordField(
  props: FieldProps & { autoComplete: "current-password" | "new-password" },
) {
  return <TextField label="Password" type="password" {...props} />;
}
