import { describe, expect, it } from "vitest";
import { UtcDateTimeInput, utcInputValue } from "./utc-date-time";

describe("UtcDateTimeInput", () => {
  it("reads the input's value as UTC", () => {
    expect(UtcDateTimeInput.parse("2031-03-14T19:30")).toBe("2031-03-14T19:30:00.000Z");
    expect(UtcDateTimeInput.parse("2031-03-14T19:30:15")).toBe("2031-03-14T19:30:15.000Z");
  });

  it("refuses an empty or partial value", () => {
    expect(UtcDateTimeInput.safeParse("").success).toBe(false);
    expect(UtcDateTimeInput.safeParse("2031-03-14").success).toBe(false);
  });

  it("round-trips an instant through the input", () => {
    const iso = "2031-03-14T19:30:00.000Z";
    expect(UtcDateTimeInput.parse(utcInputValue(iso))).toBe(iso);
    expect(utcInputValue("2031-03-14T21:30:00+02:00")).toBe("2031-03-14T19:30");
  });
});
