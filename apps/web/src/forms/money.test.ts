import { describe, expect, it } from "vitest";
import { MajorUnitsInput, majorUnits } from "./money";

describe("MajorUnitsInput", () => {
  it("reads whole and decimal amounts as exact cents", () => {
    expect(MajorUnitsInput.parse("45")).toBe(4500);
    expect(MajorUnitsInput.parse(" 45.5 ")).toBe(4550);
    expect(MajorUnitsInput.parse("19.99")).toBe(1999);
    // 0.29 * 100 is 28.999999999999996 in floating point; the text is read exactly.
    expect(MajorUnitsInput.parse("0.29")).toBe(29);
  });

  it("refuses what is not an amount, with a message that shows the format", () => {
    for (const bad of ["", "abc", "45.555", "-3", "1,200", "4e3"]) {
      const result = MajorUnitsInput.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Enter an amount like 45 or 45.50.");
    }
  });
});

describe("majorUnits", () => {
  it("shows cents as the form's text, round-tripping", () => {
    expect(majorUnits(4550)).toBe("45.50");
    expect(majorUnits(100)).toBe("1.00");
    expect(majorUnits(7)).toBe("0.07");
    expect(MajorUnitsInput.parse(majorUnits(123_456))).toBe(123_456);
  });
});
