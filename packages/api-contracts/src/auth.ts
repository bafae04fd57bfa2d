import { z } from "zod";
import { IsoDateTime, ObjectIdString } from "./common";

/** Emails are compared trimmed and lower-cased, everywhere. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const Password = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const PersonName = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

export const RegisterInput = z.object({ email: Email, name: PersonName, password: Password });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const SignInInput = z.object({
  email: Email,
  // Not the registration rules: a sign-in form must not reveal them, only compare.
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const RefreshToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a refresh token");

export const RefreshInput = z.object({ refreshToken: RefreshToken });
export type RefreshInput = z.infer<typeof RefreshInput>;

export const UserProfile = z.object({ id: ObjectIdString, email: z.email(), name: z.string() });
export type UserProfile = z.infer<typeof UserProfile>;

/** What sign-in, registration and refresh return to the web app's server (never to the browser). */
export const AuthSession = z.object({
  user: UserProfile,
  accessToken: z.string(),
  accessTokenExpiresAt: IsoDateTime,
  refreshToken: RefreshToken,
  refreshTokenExpiresAt: IsoDateTime,
});
export type AuthSession = z.infer<typeof AuthSession>;

/** The claims every service reads from a verified access token. */
export const AccessTokenClaims = z.object({
  sub: ObjectIdString,
  email: z.email(),
  name: z.string(),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaims>;

export const ACCESS_TOKEN_ALGORITHM = "EdDSA";
export const ACCESS_TOKEN_AUDIENCE = "ticket-exchange";

// --- Account recovery and registration that reveals no account (issue 18) ---

/** The one-time token of an emailed link (confirm, or reset): `<id>.<signature>`. */
export const EmailedToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/, "This link is not valid.");

/**
 * What registering answers, whether the email was new or already had an account: the
 * caller cannot tell which. The email to that address says (a confirmation link, or
 * "you already have an account").
 */
export const RegistrationReceived = z.object({ sentTo: z.email() });
export type RegistrationReceived = z.infer<typeof RegistrationReceived>;

export const ConfirmRegistrationInput = z.object({ token: EmailedToken });
export type ConfirmRegistrationInput = z.infer<typeof ConfirmRegistrationInput>;

export const RequestPasswordResetInput = z.object({ email: Email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

/** The same answer whether or not the email has an account. */
export const PasswordResetRequested = z.object({ sentTo: z.email() });
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;

export const ResetPasswordInput = z.object({ token: EmailedToken, password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
