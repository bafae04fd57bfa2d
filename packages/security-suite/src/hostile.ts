import fc from "fast-check";

/** Values an attacker sends where a string or an id is expected. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    { $gt: "" },
    { $ne: null },
    { $where: "sleep(1000)" },
    { $regex: ".*" },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    "000000000000000000000000",
    "zzzzzzzzzzzzzzzzzzzzzzzz",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "'; DROP TABLE tickets; --",
    "\u0000\u202e\ud83d\ude00",
    "x".repeat(20_000),
    -1,
    Number.MAX_SAFE_INTEGER,
    1e308,
    Number.NaN,
    true,
    null,
    [],
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

const fieldNames = fc.constantFrom(
  "id",
  "orderId",
  "ticketId",
  "email",
  "name",
  "password",
  "refreshToken",
  "q",
  "city",
  "cursor",
  "limit",
  "sort",
  "changes",
  "card",
  "billing",
  "outcome",
  "__proto__",
  "constructor",
);

/** Whole inputs: anything at all, or objects with the real field names and hostile values. */
export const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fieldNames, hostileValue, { maxKeys: 5 }),
  fc.record({
    id: hostileValue,
    changes: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue),
  }),
  fc.record({ orderId: hostileValue, card: hostileValue, billing: hostileValue }),
  hostileValue,
);
