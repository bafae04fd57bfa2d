import { emailLinkTokenFor } from "@tx/test-kit";
import { describe, expect, it } from "vitest";
import { emailLinkId, emailLinkToken, newEmailLinkId } from "./email-links";

const secret = "s".repeat(32);

describe("emailed link tokens", () => {
  it("stand for their id, for their purpose, under their secret only", () => {
    const id = newEmailLinkId();
    const token = emailLinkToken(secret, "reset", id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(emailLinkId(secret, "reset", token)).toBe(id);
    expect(emailLinkId(secret, "confirm", token)).toBeNull();
    expect(emailLinkId("t".repeat(32), "reset", token)).toBeNull();
  });

  it("cannot be made from the id alone, or altered", () => {
    const id = newEmailLinkId();
    const token = emailLinkToken(secret, "reset", id);
    expect(emailLinkId(secret, "reset", id)).toBeNull();
    expect(emailLinkId(secret, "reset", `${id}.${"A".repeat(43)}`)).toBeNull();
    expect(emailLinkId(secret, "reset", `${newEmailLinkId()}.${token.split(".")[1]}`)).toBeNull();
    expect(emailLinkId(secret, "reset", `${token}.x`)).toBeNull();
  });
});

describe("the test harness's copy of the token (test-kit emailLinkTokenFor)", () => {
  it("makes the same token as the services", () => {
    const id = newEmailLinkId();
    for (const purpose of ["confirm", "reset"] as const) {
      expect(emailLinkTokenFor(secret, purpose, id)).toBe(emailLinkToken(secret, purpose, id));
    }
  });
});
