import { describe, expect, it } from "vitest";
import { browserMayCall } from "./browser-access";

describe("browserMayCall", () => {
  it("lets the browser call what a service declares browser-callable", () => {
    expect(browserMayCall("payments", "sandbox.confirm")).toBe(true);
    expect(browserMayCall("payments", "sandbox.authenticate")).toBe(true);
    expect(browserMayCall("tickets", "system.health,system.whoami")).toBe(true);
  });

  it("refuses a procedure no service declared, however it is written", () => {
    for (const [service, path] of [
      ["tickets", "create"],
      ["orders", "history"],
      ["payments", "sync"],
      ["tickets", "signIn"],
      ["payments", "sandbox.confirm,start"],
    ] as const) {
      expect(browserMayCall(service, path), `${service}.${path}`).toBe(false);
    }
  });

  it("withholds the procedures that take or hand out tokens, however they are written", () => {
    for (const path of ["signIn", "register", "refresh", "signOut", "%73ignIn", "me%2Crefresh"]) {
      expect(browserMayCall("auth", path)).toBe(false);
    }
  });

  it("withholds the account recovery procedures, which only the server actions call", () => {
    for (const path of [
      "confirmRegistration",
      "requestPasswordReset",
      "resetPassword",
      "changePassword",
      "me,changePassword",
    ]) {
      expect(browserMayCall("auth", path)).toBe(false);
    }
  });

  it("withholds every service's operator procedures, alone or in a batch", () => {
    for (const service of ["orders", "expiration"] as const) {
      for (const path of [
        "operator.overview",
        "operator.deadLetters.replay",
        "system.health%2Coperator.deadLetters.list",
        "%6Fperator.deadLetters.discard",
      ]) {
        expect(browserMayCall(service, path)).toBe(false);
      }
    }
  });

  it("refuses a path that does not decode", () => {
    expect(browserMayCall("auth", "me%E0%A4%A")).toBe(false);
  });
});
