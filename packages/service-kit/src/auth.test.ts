import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE } from "@tx/api-contracts";
import { exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createTokenVerifier } from "./auth";
import { createLogger } from "./logger";

const issuer = "test-issuer";
const user = { id: "65a1b2c3d4e5f60718293a4b", email: "sam@example.com", name: "Sam" };

async function setup(cacheSize?: number) {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
    extractable: true,
  });
  const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: ACCESS_TOKEN_ALGORITHM };
  let keyLookups = 0;
  const keys: JWTVerifyGetKey = async () => {
    keyLookups += 1;
    return publicKey;
  };
  const sign = (expiresInSeconds: number, sub = user.id) =>
    new SignJWT({ email: user.email, name: user.name })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: jwk.kid })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
      .sign(privateKey);
  const verify = createTokenVerifier({
    keys,
    issuer,
    log: createLogger("auth-test", "silent"),
    cacheSize,
  });
  return { sign, verify, lookups: () => keyLookups };
}

describe("access token verifier", () => {
  it("checks a token's signature once, then answers from what it verified", async () => {
    const { sign, verify, lookups } = await setup();
    const token = await sign(60);
    expect(await verify(`Bearer ${token}`)).toEqual(user);
    expect(await verify(`Bearer ${token}`)).toEqual(user);
    expect(lookups()).toBe(1);
  });

  it("checks a token that differs by one byte afresh, and refuses it", async () => {
    const { sign, verify } = await setup();
    const token = await sign(60);
    await verify(`Bearer ${token}`);
    // A character inside the signature: the last one may carry only padding bits, which
    // base64url decoding drops (the same signature bytes, a valid token).
    const at = token.lastIndexOf(".") + 5;
    const other = token[at] === "A" ? "B" : "A";
    expect(await verify(`Bearer ${token.slice(0, at)}${other}${token.slice(at + 1)}`)).toBeNull();
  });

  it("does not remember a refused token, nor keep a remembered one past its expiry", async () => {
    const { sign, verify } = await setup();
    expect(await verify(`Bearer ${await sign(-5)}`)).toBeNull();
    const shortLived = await sign(1);
    expect(await verify(`Bearer ${shortLived}`)).toEqual(user);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await verify(`Bearer ${shortLived}`)).toBeNull();
  });

  it("forgets the oldest token when full", async () => {
    const { sign, verify, lookups } = await setup(2);
    const [a, b, c] = await Promise.all([sign(60), sign(61), sign(62)]);
    for (const token of [a, b, c]) await verify(`Bearer ${token}`);
    expect(lookups()).toBe(3);
    await verify(`Bearer ${c}`);
    expect(lookups()).toBe(3);
    await verify(`Bearer ${a}`);
    expect(lookups()).toBe(4);
  });
});
