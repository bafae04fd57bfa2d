import { RegisterInput } from "@tx/api-contracts";
import { describe, expect, it } from "vitest";
import { formErrorsFromService, formErrorsFromZod, UNAVAILABLE } from "./form-errors";

const fields = ["email", "name", "password"] as const;

describe("formErrorsFromZod", () => {
  it("puts the first message of each field beside that field", () => {
    const result = RegisterInput.safeParse({ email: "nope", name: " ", password: "short" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formErrorsFromZod(result.error, fields)).toEqual({
      formError: null,
      fieldErrors: {
        email: "Enter a valid email address.",
        name: "Enter your name.",
        password: "Use at least 8 characters.",
      },
    });
  });
});

describe("formErrorsFromService", () => {
  it("shows a conflict on its field", () => {
    const refusal = {
      code: "CONFLICT",
      message: "An account with this email already exists.",
      fieldErrors: { email: "An account with this email already exists." },
      retryAfterSeconds: null,
    };
    expect(formErrorsFromService(refusal, fields)).toEqual({
      formError: null,
      fieldErrors: { email: "An account with this email already exists." },
    });
  });

  it("makes an error about no field of the form the form's error", () => {
    const refusal = {
      code: "INTERNAL_SERVER_ERROR",
      message: "Something went wrong on our side.",
      fieldErrors: {},
      retryAfterSeconds: null,
    };
    expect(formErrorsFromService(refusal, fields)).toEqual({
      formError: "Something went wrong on our side.",
      fieldErrors: {},
    });
    const unknownField = { ...refusal, code: "BAD_REQUEST", fieldErrors: { _: "Bad input." } };
    expect(formErrorsFromService(unknownField, fields).formError).toBe("Bad input.");
  });

  it("says so when the service did not answer", () => {
    expect(formErrorsFromService(null, fields)).toEqual({
      formError: UNAVAILABLE,
      fieldErrors: {},
    });
  });
});
