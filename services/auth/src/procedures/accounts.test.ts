import { EVENTS_STREAM } from "@tx/api-contracts";
import { createCallerFactory } from "@tx/service-kit";
import { connectServiceForTest, errorOf, testContext } from "@tx/service-kit/testing";
import { waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats", "redis"]);
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
let auth: Awaited<ReturnType<typeof makeCaller>>;

async function makeCaller() {
  const { authRouter } = await import("../trpc/router");
  return (ip?: string) => createCallerFactory(authRouter)(testContext(null, ip));
}

beforeAll(async () => {
  Object.assign(process.env, infra.infra.urls, {
    PORT: "0",
    THROTTLE_ACCOUNT_ATTEMPTS: "6",
    THROTTLE_ADDRESS_ATTEMPTS: "50",
    THROTTLE_WINDOW_SECONDS: "2",
    REFRESH_REUSE_GRACE_SECONDS: "0",
  });
  conn = await connectServiceForTest("auth", infra.infra.urls);
  auth = await makeCaller();
});
afterAll(async () => {
  (await import("../runtime")).startRuntime();
  await conn.close();
});

const unique = () => `u${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const strong = "correct horse battery staple";

describe("register", () => {
  it("normalises the email and returns a signed-in session", async () => {
    const name = unique();
    const session = await auth().register({
      email: `  ${name.toUpperCase()}@Example.COM `,
      name: "Ada Lovelace",
      password: strong,
    });
    expect(session.user.email).toBe(`${name}@example.com`);
    expect(session.accessToken.split(".")).toHaveLength(3);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses a duplicate email, also in another case", async () => {
    const name = unique();
    await auth().register({ email: `${name}@example.com`, name: "First", password: strong });
    const err = await errorOf(
      auth().register({
        email: `${name.toUpperCase()}@EXAMPLE.com`,
        name: "Second",
        password: strong,
      }),
    );
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/already exists/);
  });

  it.each([
    ["too short", "short1!"],
    ["too long", "x".repeat(129)],
    ["among the most common", "password1"],
    ["common in another case", "PassWord1"],
    ["the email itself", "EMAIL"],
  ])("refuses a password that is %s", async (_why, password) => {
    const email = `${unique()}@example.com`;
    const err = await errorOf(
      auth().register({ email, name: "Weak", password: password === "EMAIL" ? email : password }),
    );
    expect(err.code).toBe("BAD_REQUEST");
  });

  it("accepts a 64-character password", async () => {
    const session = await auth().register({
      email: `${unique()}@example.com`,
      name: "Long",
      password: "a-very-long-passphrase-".repeat(3).slice(0, 64),
    });
    expect(session.user.name).toBe("Long");
  });

  it("publishes user.registered through the outbox", async () => {
    const session = await auth().register({
      email: `${unique()}@example.com`,
      name: "Evented",
      password: strong,
    });
    await waitFor("the user.registered event", async () => {
      const msg = await conn.bus.jsm.streams.getMessage(EVENTS_STREAM, {
        last_by_subj: "user.registered",
      });
      return msg?.json<{ data: { id: string } }>().data.id === session.user.id;
    });
  });
});

describe("sign in", () => {
  it("gives the same message for a wrong password and an unknown email, with similar timing", async () => {
    const email = `${unique()}@example.com`;
    await auth().register({ email, name: "Timing", password: strong });
    const timeOf = async (e: string, ip: string) => {
      const started = performance.now();
      const err = await errorOf(auth(ip).signIn({ email: e, password: "wrong password!" }));
      return { ms: performance.now() - started, message: err.message, code: err.code };
    };
    const unknownEmail = `${unique()}@example.com`;
    const wrong: number[] = [];
    const unknown: number[] = [];
    let messages = new Set<string>();
    // Alternate the two cases and compare medians, so a busy machine affects both alike.
    for (let i = 0; i < 5; i++) {
      const w = await timeOf(email, `198.51.100.${i}`);
      const u = await timeOf(unknownEmail, `198.51.100.${100 + i}`);
      wrong.push(w.ms);
      unknown.push(u.ms);
      messages = new Set([...messages, `${w.code}: ${w.message}`, `${u.code}: ${u.message}`]);
    }
    expect([...messages]).toEqual(["UNAUTHORIZED: Email or password is wrong."]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Both run one argon2id verification; neither answers in a fraction of the other's time.
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("throttles an account after repeated failures, says when to retry, and releases", async () => {
    const email = `${unique()}@example.com`;
    await auth().register({ email, name: "Throttled", password: strong });
    for (let i = 0; i < 6; i++) {
      const err = await errorOf(auth(`192.0.2.${i}`).signIn({ email, password: "not it at all" }));
      expect(err.code).toBe("UNAUTHORIZED");
    }
    // Even the right password is refused while locked, from any address.
    const locked = await errorOf(auth("192.0.2.99").signIn({ email, password: strong }));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.message).toMatch(/Try again in \d+ seconds?/);
    await new Promise((r) => setTimeout(r, 2_100));
    const session = await auth("192.0.2.99").signIn({ email, password: strong });
    expect(session.user.email).toBe(email);
  });

  it("throttles a client address that tries many accounts", async () => {
    const { createSignInThrottle } = await import("../domain/throttle");
    const { createRedis, createLogger } = await import("@tx/service-kit");
    const redis = createRedis(
      infra.infra.urls.REDIS_URL,
      "throttle-test",
      createLogger("t", "silent"),
    );
    const throttle = createSignInThrottle(redis, {
      accountAttempts: 100,
      addressAttempts: 4,
      windowSeconds: 60,
    });
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 4; i++) await throttle.recordFailure(`${unique()}@example.com`, ip);
    await expect(throttle.check(`${unique()}@example.com`, ip)).rejects.toThrow(/Too many/);
    await expect(
      throttle.check(`${unique()}@example.com`, "203.0.113.250"),
    ).resolves.toBeUndefined();
    redis.disconnect();
  });
});

describe("refresh tokens", () => {
  it("rotates on every use; reusing a spent one revokes the whole family", async () => {
    const first = await auth().register({
      email: `${unique()}@example.com`,
      name: "R",
      password: strong,
    });
    const second = await auth().refresh({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await auth().refresh({ refreshToken: second.refreshToken });

    const reuse = await errorOf(auth().refresh({ refreshToken: first.refreshToken }));
    expect(reuse.code).toBe("UNAUTHORIZED");
    // The thief's reuse ended the family: the newest token is dead too.
    const after = await errorOf(auth().refresh({ refreshToken: third.refreshToken }));
    expect(after.code).toBe("UNAUTHORIZED");
  });

  it("lets only one of two concurrent uses of a token succeed", async () => {
    const session = await auth().register({
      email: `${unique()}@example.com`,
      name: "C",
      password: strong,
    });
    const results = await Promise.allSettled([
      auth().refresh({ refreshToken: session.refreshToken }),
      auth().refresh({ refreshToken: session.refreshToken }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("stops working after sign-out", async () => {
    const session = await auth().register({
      email: `${unique()}@example.com`,
      name: "S",
      password: strong,
    });
    await auth().signOut({ refreshToken: session.refreshToken });
    const err = await errorOf(auth().refresh({ refreshToken: session.refreshToken }));
    expect(err.code).toBe("UNAUTHORIZED");
  });

  it("refuses a malformed refresh token with a 400", async () => {
    const err = await errorOf(auth().refresh({ refreshToken: "nope" }));
    expect(err.code).toBe("BAD_REQUEST");
  });
});
