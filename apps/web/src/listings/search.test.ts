import { describe, expect, it } from "vitest";
import { isFiltered, listInput, parseListingSearch, searchHref } from "./search";

describe("parseListingSearch", () => {
  it("reads every filter from the address", () => {
    const search = parseListingSearch({
      q: " jazz ",
      city: "London",
      from: "2031-05-01",
      to: "2031-05-31",
      min: "20",
      max: "99.50",
      sort: "price",
      after: ["c1", "c2"],
    });
    expect(search).toEqual({
      q: "jazz",
      city: "London",
      from: "2031-05-01",
      to: "2031-05-31",
      min: 2000,
      max: 9950,
      sort: "price",
      after: ["c1", "c2"],
    });
    expect(listInput(search)).toEqual({
      q: "jazz",
      city: "London",
      from: "2031-05-01",
      to: "2031-05-31",
      minPrice: 2000,
      maxPrice: 9950,
      sort: "price",
      cursor: "c2",
      limit: 24,
    });
  });

  it("leaves out what does not parse instead of failing the page", () => {
    const search = parseListingSearch({
      q: "",
      from: "yesterday",
      to: "2031-02-31x",
      min: "cheap",
      sort: "random",
      after: "c9",
    });
    expect(search).toEqual({
      q: undefined,
      city: undefined,
      from: undefined,
      to: undefined,
      min: undefined,
      max: undefined,
      sort: "date",
      after: ["c9"],
    });
    expect(isFiltered(search)).toBe(false);
  });
});

describe("searchHref", () => {
  it("keeps the filters and sets the page trail", () => {
    const search = parseListingSearch({ q: "jazz", min: "20", sort: "newest" });
    expect(searchHref(search)).toBe("/?q=jazz&min=20.00&sort=newest");
    expect(searchHref(search, ["a", "b"])).toBe("/?q=jazz&min=20.00&sort=newest&after=a&after=b");
  });

  it("is the bare landing page without filters", () => {
    expect(searchHref(parseListingSearch({}))).toBe("/");
  });
});
