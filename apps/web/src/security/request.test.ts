import { describe, expect, it } from "vitest";
import { clientAddress, isCrossOriginWrite } from "./request";

describe("clientAddress", () => {
  it("takes the entry our front proxy appended, not what the client claimed", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
  });

  it("reads a single address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), 1)).toBe(
      "::ffff:127.0.0.1",
    );
  });

  it("believes no x-forwarded-for with no proxy in front (a client wrote it)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), 0)).toBeNull();
  });

  it("is null when nothing says where the request came from", () => {
    expect(clientAddress(new Headers(), 1)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": " " }), 1)).toBeNull();
  });
});

describe("isCrossOriginWrite", () => {
  const app = "https://tickets.example";

  it("refuses a POST from another origin", () => {
    expect(isCrossOriginWrite("POST", "https://evil.example", app)).toBe(true);
    expect(isCrossOriginWrite("POST", "null", app)).toBe(true);
    expect(isCrossOriginWrite("DELETE", "http://tickets.example", app)).toBe(true);
  });

  it("lets the app's own pages and non-browser callers write", () => {
    expect(isCrossOriginWrite("POST", app, app)).toBe(false);
    expect(isCrossOriginWrite("POST", null, app)).toBe(false);
  });

  it("does not guard reads", () => {
    expect(isCrossOriginWrite("GET", "https://evil.example", app)).toBe(false);
  });
});
