import { describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address";

describe("clientAddressOf", () => {
  it("ignores x-forwarded-for when no proxy is trusted", () => {
    expect(
      clientAddressOf({ forwardedFor: "6.6.6.6", peer: "198.51.100.4", trustedProxies: 0 }),
    ).toBe("198.51.100.4");
    // Where the socket is out of reach, nothing trustworthy is left.
    expect(clientAddressOf({ forwardedFor: "6.6.6.6", peer: null, trustedProxies: 0 })).toBeNull();
  });

  it("takes the entry the one trusted proxy appended, not what the client claimed", () => {
    expect(
      clientAddressOf({
        forwardedFor: "6.6.6.6, 203.0.113.9",
        peer: "10.0.0.2",
        trustedProxies: 1,
      }),
    ).toBe("203.0.113.9");
  });

  it("walks one hop further out per trusted proxy", () => {
    const forwardedFor = ["6.6.6.6, 203.0.113.9", "10.0.0.7"];
    expect(clientAddressOf({ forwardedFor, peer: "10.0.0.2", trustedProxies: 2 })).toBe(
      "203.0.113.9",
    );
  });

  it("stops at the farthest hop when fewer proxies answered than are trusted", () => {
    expect(
      clientAddressOf({ forwardedFor: "203.0.113.9", peer: "10.0.0.2", trustedProxies: 3 }),
    ).toBe("203.0.113.9");
    expect(clientAddressOf({ forwardedFor: " , ", peer: "10.0.0.2", trustedProxies: 1 })).toBe(
      "10.0.0.2",
    );
    expect(clientAddressOf({ forwardedFor: undefined, peer: null, trustedProxies: 1 })).toBeNull();
  });
});
