import { ListListingsInput } from "@tx/api-contracts";
import { DomainError } from "@tx/service-kit";
import { describe, expect, it } from "vitest";
import { TicketModel } from "../models/ticket";
import { buildListQuery } from "./list";

type Keys = string[];

/** Fields a query pins to one value (equality, or a multikey $all): an index must lead with them. */
function equalityFields(filter: Record<string, unknown>): Keys {
  return Object.entries(filter)
    .filter(([key, value]) => {
      if (key.startsWith("$")) return false;
      if (value === null || typeof value !== "object" || value instanceof Date) return true;
      return "$all" in value;
    })
    .map(([key]) => key);
}

const indexes: Keys[] = TicketModel.schema.indexes().map(([keys]) => Object.keys(keys));

/** An index whose first keys are exactly `lead` (in any order), then `then` in order. */
function servedBy(lead: Keys, then: Keys): Keys | undefined {
  return indexes.find((index) => {
    const head = index.slice(0, lead.length);
    return (
      head.length === lead.length &&
      lead.every((k) => head.includes(k)) &&
      then.every((k, i) => index[lead.length + i] === k)
    );
  });
}

const shapes: [string, Parameters<typeof ListListingsInput.parse>[0]][] = [
  ["the landing page by date", {}],
  ["the landing page by price", { sort: "price" }],
  ["the landing page by newest", { sort: "newest" }],
  [
    "the next page by date",
    {
      cursor: Buffer.from(
        JSON.stringify({ v: new Date().toISOString(), id: "a".repeat(24) }),
      ).toString("base64url"),
    },
  ],
  ["a price range", { minPrice: 1_000, maxPrice: 5_000 }],
  [
    "a date range",
    {
      from: new Date(Date.now() + 864e5).toISOString().slice(0, 10),
      to: new Date(Date.now() + 864e6).toISOString().slice(0, 10),
    },
  ],
];
const selective: [string, Parameters<typeof ListListingsInput.parse>[0]][] = [
  ["a city", { city: "London" }],
  ["a city by price", { city: "London", sort: "price" }],
  ["a search", { q: "phoebe bridgers" }],
  ["a search by newest", { q: "phoebe", sort: "newest" }],
  ["one seller's listings", { sellerId: "a".repeat(24) }],
];

describe("which index serves each listing query", () => {
  it.each(shapes)("%s: equality fields, then the sort, from one index", (_name, raw) => {
    const { filter, sort } = buildListQuery(ListListingsInput.parse(raw));
    const index = servedBy(equalityFields(filter), Object.keys(sort));
    expect(index, JSON.stringify({ filter, sort })).toBeDefined();
  });

  it.each(selective)("%s: its selective equality fields lead an index", (_name, raw) => {
    const { filter } = buildListQuery(ListListingsInput.parse(raw));
    const eq = equalityFields(filter);
    const index = indexes.find((i) => eq.every((k) => i.slice(0, eq.length).includes(k)));
    expect(index, JSON.stringify({ eq, indexes })).toBeDefined();
  });
});

describe("a tampered cursor", () => {
  const cursor = (v: unknown) =>
    Buffer.from(JSON.stringify({ v, id: "a".repeat(24) })).toString("base64url");

  it.each([
    ["a date sort given no date", "date", "not a date"],
    ["a price sort given no number", "price", "cheap"],
    ["a newest sort given a number far past any date", "newest", 1e300],
  ] as const)("is refused as a bad request: %s", (_name, sort, v) => {
    const input = ListListingsInput.parse({ sort, cursor: cursor(v) });
    let error: unknown;
    try {
      buildListQuery(input);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("INVALID");
    expect((error as DomainError).message).toBe("This page link is not valid any more.");
  });
});
