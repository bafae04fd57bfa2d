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
