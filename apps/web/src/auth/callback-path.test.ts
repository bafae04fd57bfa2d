import { describe, expect, it } from "vitest";
import { onSiteUrl, safeCallbackPath, withCallback } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/orders?page=2#top")).toBe("/orders?page=2#top");
  });

  it("sends anything that could leave the site home", () => {
    for (const raw of [
      "https://evil.example/account",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "account",
      "",
      undefined,
      ["/account"],
    ]) {
      expect(safeCallbackPath(raw)).toBe("/");
    }
  });
});

describe("withCallback", () => {
  it("carries the page to come back to, and leaves out home", () => {
    expect(withCallback("/signin", "/account")).toBe("/signin?callbackUrl=%2Faccount");
    expect(withCallback("/register", "/orders?page=2")).toBe(
      "/register?callbackUrl=%2Forders%3Fpage%3D2",
    );
    expect(withCallback("/signin", "/")).toBe("/signin");
  });
});

describe("onSiteUrl", () => {
  const site = "https://tickets.example";

  it("keeps a URL on this site, relative or absolute", () => {
    expect(onSiteUrl("/account", site)).toBe("https://tickets.example/account");
    expect(onSiteUrl("https://tickets.example/orders?page=2", site)).toBe(
      "https://tickets.example/orders?page=2",
    );
  });

  it("sends a URL to any other site home", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "http://tickets.example/account",
      "https://tickets.example.evil.example/",
      "javascript:alert(1)",
    ]) {
      expect(onSiteUrl(url, site)).toBe(site);
    }
  });
});
