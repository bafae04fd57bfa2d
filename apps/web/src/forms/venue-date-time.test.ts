import { describe, expect, it } from "vitest";
import { VenueDateTimeInput, venueInputValue, venueInstant } from "./venue-date-time";

describe("the venue's date and time", () => {
  it("accepts a datetime-local value, refuses an empty or partial one", () => {
    expect(VenueDateTimeInput.parse("2031-03-14T19:30")).toBe("2031-03-14T19:30");
    expect(VenueDateTimeInput.safeParse("").success).toBe(false);
    expect(VenueDateTimeInput.safeParse("2031-03-14").success).toBe(false);
  });

  it("is read by the venue's clocks", () => {
    expect(venueInstant("2031-12-08T19:00", "America/New_York")).toBe("2031-12-09T00:00:00.000Z");
    expect(venueInstant("2031-12-08T19:00", "Europe/London")).toBe("2031-12-08T19:00:00.000Z");
  });

  it("round-trips an instant through the input", () => {
    const iso = "2031-12-09T00:00:00.000Z";
    expect(venueInputValue(iso, "America/New_York")).toBe("2031-12-08T19:00");
    expect(venueInstant(venueInputValue(iso, "America/New_York"), "America/New_York")).toBe(iso);
  });
});
