import { describe, expect, it } from "vitest";
import { formatRemaining } from "./hold";

describe("formatRemaining", () => {
  it("shows minutes and seconds, rounding up so 0:00 only when the hold is over", () => {
    expect(formatRemaining(15 * 60_000)).toBe("15:00");
    expect(formatRemaining(14 * 60_000 + 59_001)).toBe("15:00");
    expect(formatRemaining(65_000)).toBe("1:05");
    expect(formatRemaining(400)).toBe("0:01");
    expect(formatRemaining(0)).toBe("0:00");
  });
});
