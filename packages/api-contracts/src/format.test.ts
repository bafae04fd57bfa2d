import { describe, expect, it } from "vitest";
import { formatDuration, formatMoney, formatWait } from "./format";

describe("amounts", () => {
  it("formats integer minor units with the currency", () => {
    expect(formatMoney({ amount: 123_450, currency: "USD" })).toBe("$1,234.50");
    expect(formatMoney({ amount: 999, currency: "EUR" })).toBe("€9.99");
    expect(formatMoney({ amount: 5, currency: "GBP" })).toBe("£0.05");
  });
});

describe("formatWait", () => {
  it("uses seconds under a minute and whole minutes, rounded up, above", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(59)).toBe("59 seconds");
    expect(formatWait(60)).toBe("1 minute");
    expect(formatWait(61)).toBe("2 minutes");
  });
});

describe("formatDuration", () => {
  it("shows the two largest units", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(12 * 60 + 5)).toBe("12 min");
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe("3 h 5 min");
    expect(formatDuration(2 * 86400 + 4 * 3600 + 59)).toBe("2 d 4 h");
  });

  it("leaves out a zero second unit", () => {
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(86400 + 59 * 60)).toBe("1 d");
  });
});
