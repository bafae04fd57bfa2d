import { describe, expect, it } from "vitest";
import { splitFee } from "./fees";

describe("the platform fee", () => {
  it("rounds half a cent up, to the platform, and leaves the seller the rest", () => {
    expect(splitFee(10_000, 1000)).toEqual({ fee: 1000, net: 9000 });
    expect(splitFee(5, 1000)).toEqual({ fee: 1, net: 4 }); // 0.5 -> 1
    expect(splitFee(4, 1000)).toEqual({ fee: 0, net: 4 }); // 0.4 -> 0
    expect(splitFee(12_345, 1250)).toEqual({ fee: 1543, net: 10_802 }); // 1543.125
    expect(splitFee(100_000_000, 10_000)).toEqual({ fee: 100_000_000, net: 0 });
    expect(splitFee(999, 0)).toEqual({ fee: 0, net: 999 });
  });

  it("refuses what is not money or not a rate", () => {
    expect(() => splitFee(1.5, 1000)).toThrow();
    expect(() => splitFee(100, 10_001)).toThrow();
  });
});
