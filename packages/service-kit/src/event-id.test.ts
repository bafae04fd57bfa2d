import { validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { deterministicId } from "./bus";

describe("deterministicId", () => {
  it("is an RFC 4122 version-5 UUID, the same for the same seed and another for another", () => {
    const id = deterministicId("expiration.completed:6650f1c2a4b9d3e8f0a1b2c3");
    expect(validate(id) && version(id)).toBe(5);
    expect(deterministicId("expiration.completed:6650f1c2a4b9d3e8f0a1b2c3")).toBe(id);
    expect(deterministicId("expiration.completed:6650f1c2a4b9d3e8f0a1b2c4")).not.toBe(id);
  });
});
