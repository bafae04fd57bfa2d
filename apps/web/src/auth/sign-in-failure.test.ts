import { describe, expect, it } from "vitest";
import {
  decodeSignInFailure,
  encodeSignInFailure,
  type SignInFailure,
  signInFailureMessage,
} from "./sign-in-failure";

describe("sign-in failures", () => {
  it("survive the trip through next-auth's error string", () => {
    const failures: SignInFailure[] = [
      { kind: "credentials" },
      { kind: "throttled", retryAfterSeconds: 42 },
      { kind: "unavailable" },
    ];
    for (const failure of failures) {
      expect(decodeSignInFailure(encodeSignInFailure(failure))).toEqual(failure);
    }
  });

  it("round a fractional wait up, so the user never tries too early", () => {
    expect(encodeSignInFailure({ kind: "throttled", retryAfterSeconds: 0.2 })).toBe("throttled:1");
  });

  it("read any other code as the generic wrong-credentials case", () => {
    expect(decodeSignInFailure("CredentialsSignin")).toEqual({ kind: "credentials" });
    expect(decodeSignInFailure("<script>")).toEqual({ kind: "credentials" });
  });

  it("say when to try again", () => {
    expect(signInFailureMessage({ kind: "throttled", retryAfterSeconds: 900 })).toBe(
      "Too many sign-in attempts. Try again in 15 minutes.",
    );
    expect(signInFailureMessage({ kind: "credentials" })).toBe("Email or password is wrong.");
  });
});
