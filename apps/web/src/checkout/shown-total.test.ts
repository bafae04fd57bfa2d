import { describe, expect, it } from "vitest";
import { shownTotalParam } from "./shown-total";

describe("shownTotalParam", () => {
  it("reads the listing page's total, and nothing from a malformed address", () => {
    expect(shownTotalParam("13000")).toBe(13_000);
    expect(shownTotalParam(["13000", "1"])).toBe(13_000);
    for (const bad of [undefined, "", "abc", "-5", "1.5", "1e12"]) {
      expect(shownTotalParam(bad), String(bad)).toBeNull();
    }
  });
});
