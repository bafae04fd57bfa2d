import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import {
  decodeSessionCookie,
  expiredSessionCookie,
  readSessionCookie,
  sessionCookie,
} from "./session-cookie";
import { testSession } from "./test-session";

const config = { secret: "s".repeat(32), secure: true };

describe("the session cookie", () => {
  it("is what next-auth itself reads back", async () => {
    const session = testSession(Date.now());
    const cookie = await sessionCookie(session, config);
    expect(await decode({ token: cookie.value, secret: config.secret })).toMatchObject(session);
    expect(await decodeSessionCookie(cookie.value, config)).toEqual(session);
  });

  it("is httpOnly, SameSite=Lax and, on https, Secure with the __Secure- prefix", async () => {
    const cookie = await sessionCookie(testSession(Date.now()), config);
    expect(cookie.name).toBe("__Secure-next-auth.session-token");
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    const local = await sessionCookie(testSession(Date.now()), { ...config, secure: false });
    expect(local.name).toBe("next-auth.session-token");
    expect(local.options.secure).toBe(false);
  });

  it("is deleted with the attributes it was set with, as __Secure- cookies require", () => {
    expect(expiredSessionCookie(config)).toEqual({
      name: "__Secure-next-auth.session-token",
      value: "",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 0 },
    });
  });

  it("does not show its tokens to whoever holds it", async () => {
    const session = testSession(Date.now());
    const { value } = await sessionCookie(session, config);
    const readable = value + Buffer.from(value.split(".").join(""), "base64url").toString("latin1");
    expect(readable).not.toContain(session.accessToken);
    expect(readable).not.toContain(session.refreshToken);
  });

  it("is refused when forged, tampered with or made with another secret", async () => {
    const { value } = await sessionCookie(testSession(Date.now()), config);
    const tampered = `${value.slice(0, -4)}AAAA`;
    expect(await decodeSessionCookie(tampered, config)).toBeNull();
    expect(await decodeSessionCookie(value, { ...config, secret: "x".repeat(32) })).toBeNull();
    expect(await decodeSessionCookie("not-a-jwe", config)).toBeNull();
    expect(await decodeSessionCookie(undefined, config)).toBeNull();
  });

  it("is found by name in a cookie store", async () => {
    const session = testSession(Date.now());
    const cookie = await sessionCookie(session, config);
    const store = new Map([[cookie.name, { value: cookie.value }]]);
    expect(await readSessionCookie(store, config)).toEqual(session);
    expect(await readSessionCookie(new Map(), config)).toBeNull();
  });
});
