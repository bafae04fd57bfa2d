import { describe, expect, it } from "vitest";
import { historyHref, pageTrail } from "./history-params";

describe("order history pages", () => {
  it("reads the trail of earlier pages from one or several `after` values", () => {
    expect(pageTrail(undefined)).toEqual([]);
    expect(pageTrail("c1")).toEqual(["c1"]);
    expect(pageTrail(["c1", "c2"])).toEqual(["c1", "c2"]);
    expect(pageTrail([""])).toEqual([]);
  });

  it("links to the page after a trail", () => {
    expect(historyHref([])).toBe("/orders");
    expect(historyHref(["c1", "c2"])).toBe("/orders?after=c1&after=c2");
  });
});
