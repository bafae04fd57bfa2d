import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./headers";

const directive = (policy: string, name: string) =>
  policy.split("; ").find((d) => d.split(" ")[0] === name);

describe("contentSecurityPolicy", () => {
  const production = contentSecurityPolicy({
    nonce: "abc123",
    development: false,
    upgradeInsecureRequests: true,
  });

  it("lets only scripts carrying the request's nonce run, and never eval, in production", () => {
    expect(directive(production, "script-src")).toBe(
      "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
    );
    expect(production).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directive(production, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(production, "object-src")).toBe("object-src 'none'");
    expect(directive(production, "form-action")).toBe("form-action 'self'");
  });

  it("allows eval only for next dev, and upgrades requests only on https", () => {
    const dev = contentSecurityPolicy({
      nonce: "n",
      development: true,
      upgradeInsecureRequests: false,
    });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "upgrade-insecure-requests")).toBeUndefined();
    expect(directive(production, "upgrade-insecure-requests")).toBe("upgrade-insecure-requests");
  });
});

describe("contentSecurityPolicy on the checkout pages", () => {
  const options = { nonce: "n", development: false, upgradeInsecureRequests: true };

  it("lets Stripe.js load, frame its Elements and reach its API there only", () => {
    const checkout = contentSecurityPolicy({ ...options, stripe: true });
    expect(directive(checkout, "script-src")).toContain("https://js.stripe.com");
    expect(directive(checkout, "frame-src")).toBe(
      "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com",
    );
    expect(directive(checkout, "connect-src")).toBe("connect-src 'self' https://api.stripe.com");
    const elsewhere = contentSecurityPolicy(options);
    expect(elsewhere).not.toContain("stripe.com");
    expect(directive(elsewhere, "frame-src")).toBeUndefined();
  });
});

describe("createNonce", () => {
  it("is fresh each time and safe inside a header", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
