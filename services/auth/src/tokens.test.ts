import path from "node:path";
import { ACCESS_TOKEN_AUDIENCE, type AuthSession } from "@tx/api-contracts";
import { registerUsers, type Stack, startStack } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { generateKeyPair, importJWK, SignJWT } from "jose";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats", "redis"]);
let stack: Stack;
let session: AuthSession;

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    services: ["auth", "tickets"],
  });
  [session] = (await registerUsers(stack, "token", 1)) as [AuthSession];
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

async function call<T>(
  service: "auth" | "tickets",
  procedure: string,
  input: unknown,
  token?: string,
) {
  const res = await fetch(`${stack.urls[service]}/trpc/${procedure}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  return { status: res.status, data: body.result?.data, error: body.error };
}

async function whoami(token?: string) {
  const res = await fetch(`${stack.urls.tickets}/trpc/system.whoami`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: { id: string } } } };
}

/** The auth service's real signing key, read from its own database (this is its test). */
async function realKey() {
  const client = await MongoClient.connect(infra.infra.urls.MONGO_URL);
  const record = await client
    .db("tx_auth")
    .collection("signingkeys")
    .findOne({ _id: "current" as never });
  await client.close();
  if (!record) throw new Error("no signing key stored");
  return {
    kid: record.kid as string,
    key: await importJWK(JSON.parse(record.privateJwk), "EdDSA"),
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("access tokens, verified by another service", () => {
  it("publishes the public key at the JWKS endpoint, without private parts", async () => {
    const res = await fetch(`${stack.urls.auth}/.well-known/jwks.json`);
    const jwks = (await res.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it("accepts the token the auth service issued", async () => {
    const res = await whoami(session.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.result?.data.id).toBe(session.user.id);
  });

  it("refuses a caller without a token", async () => {
    expect((await whoami()).status).toBe(401);
  });

  it("refuses a token whose claims were changed after signing", async () => {
    const [header, payload, signature] = session.accessToken.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const forged = `${header}.${b64({ ...claims, sub: "65f1c0ffee0000000000abcd" })}.${signature}`;
    expect((await whoami(forged)).status).toBe(401);
  });

  it("refuses alg=none", async () => {
    const [, payload] = session.accessToken.split(".");
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${payload}.`;
    expect((await whoami(unsigned)).status).toBe(401);
  });

  it("refuses a token signed by another key under the same kid", async () => {
    const { kid } = await realKey();
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const token = await new SignJWT({ email: session.user.email, name: "Mallory" })
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setSubject(session.user.id)
      .setIssuer("ticket-exchange-auth")
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    expect((await whoami(token)).status).toBe(401);
  });

  it("refuses an HMAC token keyed with the public key (algorithm confusion)", async () => {
    const jwks = (await (await fetch(`${stack.urls.auth}/.well-known/jwks.json`)).json()) as {
      keys: { x: string; kid: string }[];
    };
    const secret = new TextEncoder().encode(jwks.keys[0]?.x);
    const token = await new SignJWT({ email: session.user.email, name: "Mallory" })
      .setProtectedHeader({ alg: "HS256", kid: jwks.keys[0]?.kid })
      .setSubject(session.user.id)
      .setIssuer("ticket-exchange-auth")
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(secret);
    expect((await whoami(token)).status).toBe(401);
  });

  it("refuses an expired token and one from another issuer, even with the real key", async () => {
    const { kid, key } = await realKey();
    const base = () =>
      new SignJWT({ email: session.user.email, name: session.user.name })
        .setProtectedHeader({ alg: "EdDSA", kid })
        .setSubject(session.user.id)
        .setAudience(ACCESS_TOKEN_AUDIENCE);
    const expired = await base()
      .setIssuer("ticket-exchange-auth")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const otherIssuer = await base()
      .setIssuer("someone-else")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(key);
    const control = await base()
      .setIssuer("ticket-exchange-auth")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(key);
    expect((await whoami(expired)).status).toBe(401);
    expect((await whoami(otherIssuer)).status).toBe(401);
    expect((await whoami(control)).status).toBe(200);
  });

  it("answers me() with the caller's profile, and 401 without a token", async () => {
    const res = await fetch(`${stack.urls.auth}/trpc/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual(session.user);
    expect((await fetch(`${stack.urls.auth}/trpc/me`)).status).toBe(401);
  });

  it("answers bad input with a 400 and field messages", async () => {
    const res = await call("auth", "register", { email: "not-an-email", name: "", password: "x" });
    expect(res.status).toBe(400);
  });
});
