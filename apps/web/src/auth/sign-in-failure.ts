import { formatWait } from "@tx/api-contracts";

/**
 * Why a sign-in was refused. next-auth carries a Credentials failure to the browser only as
 * a string (`?error=`), so the reason travels as a short code and the message is made here.
 */
export type SignInFailure =
  | { kind: "credentials" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "unavailable" };

/** What the auth service says for a wrong email or password, for either. */
export const WRONG_CREDENTIALS = "Email or password is wrong.";

// next-auth's own code for an authorize() that returned null.
const CREDENTIALS_CODE = "CredentialsSignin";

export function encodeSignInFailure(failure: SignInFailure): string {
  switch (failure.kind) {
    case "credentials":
      return CREDENTIALS_CODE;
    case "throttled":
      return `throttled:${Math.max(1, Math.ceil(failure.retryAfterSeconds))}`;
    case "unavailable":
      return "unavailable";
  }
}

export function decodeSignInFailure(code: string): SignInFailure {
  const throttled = /^throttled:(\d{1,6})$/.exec(code);
  if (throttled) return { kind: "throttled", retryAfterSeconds: Number(throttled[1]) };
  if (code === "unavailable") return { kind: "unavailable" };
  return { kind: "credentials" };
}

export function signInFailureMessage(failure: SignInFailure): string {
  switch (failure.kind) {
    case "credentials":
      return WRONG_CREDENTIALS;
    case "throttled":
      return `Too many sign-in attempts. Try again in ${formatWait(failure.retryAfterSeconds)}.`;
    case "unavailable":
      return "Signing in is not possible right now. Please try again in a moment.";
  }
}
