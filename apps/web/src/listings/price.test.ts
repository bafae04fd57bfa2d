import { describe, expect, it } from "vitest";
import { priceVsFaceValue } from "./price";

describe("priceVsFaceValue", () => {
  it("says how far the price is from the face value", () => {
    expect(priceVsFaceValue(5000, 5000)).toBe("At face value");
    expect(priceVsFaceValue(4000, 5000)).toBe("20% below face value");
    expect(priceVsFaceValue(5500, 5000)).toBe("10% above face value");
    expect(priceVsFaceValue(4999, 5000)).toBe("Less than 1% below face value");
  });
});
