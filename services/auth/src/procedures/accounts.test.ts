import { randomBytes } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { type AuthSession, EVENTS_STREAM } from "@tx/api-contracts";
import { createCallerFactory, registry } from "@tx/service-kit";
import { connectServiceForTest, errorOf, testContext } from "@tx/service-kit/testing";
import { emailLinkTokenFor, waitFor, watchEmailedLinks } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const infra = withInfra(["mongo", "nats", "redis"]);
const secret = randomBytes(32).toString("base64url");
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
let auth: Awaited<ReturnType<typeof makeCaller>>;

async function makeCaller() {
  const { authRouter } = await import("../trpc/router");
  const caller = createCallerFactory(authRouter);
  return (ip = randomIp(), user: { id: string; email: string; name: string } | null = null) =>
    caller(testContext(user, ip));
}

beforeAll(async () => {
  Object.assign(process.env, infra.infra.urls, {
    PORT: "0",
    EMAIL_LINK_SECRET: secret,
    THROTTLE_ATTEMPTS: "5",
    THROTTLE_ADDRESS_ATTEMPTS: "50",
    THROTTLE_WINDOW_SECONDS: "60",
    THROTTLE_FIRST_DELAY_SECONDS: "2",
    REFRESH_REUSE_GRACE_SECONDS: "0",
    REGISTER_PER_EMAIL: "6/3600",
    PASSWORD_RESET_PER_EMAIL: "3/3600",
  });
  conn = await connectServiceForTest("auth", infra.infra.urls);
  auth = await makeCaller();
});
afterAll(async () => {
  (await import("../runtime")).startRuntime();
  await conn.close();
});

const randomIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const unique = () => `u${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const strong = "correct horse battery staple";

/** The link ids auth put in the events for these addresses (what notifications emails). */
async function linkIds(
  subject: "user.registration_requested" | "user.password_reset_requested",
  emails: string[],
  act: () => Promise<unknown>,
) {
  const watch = await watchEmailedLinks(infra.infra.urls.NATS_URL, subject);
  try {
    await act();
    return await watch.idsFor(emails);
  } finally {
    await watch.close();
  }
}

async function confirmToken(email: string, name = "Ada", password = strong) {
  const stored = email.trim().toLowerCase();
  const ids = await linkIds("user.registration_requested", [stored], () =>
    auth().register({ email, name, password }),
  );
  return emailLinkTokenFor(secret, "confirm", ids.get(stored) ?? "");
}

/** A new account, registered and confirmed through its link: signed in. */
async function signUp(email = `${unique()}@example.com`, name = "Ada"): Promise<AuthSession> {
  return auth().confirmRegistration({ token: await confirmToken(email, name) });
}

async function checksRun(): Promise<number> {
  const metric = await registry.getSingleMetric("auth_password_checks_total")?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

describe("register", () => {
  it("answers a new email and one with an account alike; only the email says which", async () => {
    const taken = await signUp();
    const fresh = `${unique()}@example.com`;
    const watch = await watchEmailedLinks(infra.infra.urls.NATS_URL, "user.registration_requested");
    const before = (await conn.bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq;
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await auth().register({ email, name: "Someone", password: strong });
      return { answer, ms: performance.now() - started };
    };
    const newOne = await timed(fresh);
    const existing = await timed(taken.user.email);
    expect(newOne.answer).toEqual({ sentTo: fresh });
    expect(existing.answer).toEqual({ sentTo: taken.user.email });
    // Both hash the password once: alternate more of each and compare medians, so a busy
    // machine affects both alike.
    const news = [newOne.ms];
    const olds = [existing.ms];
    for (let i = 0; i < 4; i++) {
      news.push((await timed(`${unique()}@example.com`)).ms);
      olds.push((await timed(taken.user.email)).ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(news) / median(olds);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);

    expect((await watch.idsFor([fresh])).size).toBe(1);
    await watch.close();
    await waitFor("the owner of the existing account to be told", async () => {
      const msg = await conn.bus.jsm.streams.getMessage(EVENTS_STREAM, {
        last_by_subj: "user.registration_repeated",
      });
      const data = msg?.json<{ data: { userId: string } }>().data;
      return (msg?.seq ?? 0) > before && data?.userId === taken.user.id;
    });
  });

  it("creates the account only when the link is followed, which signs in, once", async () => {
    const email = `${unique()}@example.com`;
    const token = await confirmToken(email, "Grace");
    const wrong = await errorOf(auth().signIn({ email, password: strong }));
    expect(wrong.code).toBe("UNAUTHORIZED");

    const session = await auth().confirmRegistration({ token });
    expect(session.user).toMatchObject({ email, name: "Grace" });
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await auth().signIn({ email, password: strong })).user.id).toBe(session.user.id);

    const again = await errorOf(auth().confirmRegistration({ token }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(again.message).toBe("This link has expired or was already used.");
  });

  it("refuses a link that was altered, or made for another purpose", async () => {
    const email = `${unique()}@example.com`;
    const token = await confirmToken(email);
    const [id] = token.split(".") as [string];
    for (const forged of [
      `${id}.${"A".repeat(43)}`,
      emailLinkTokenFor("x".repeat(43), "confirm", id),
      emailLinkTokenFor(secret, "reset", id),
    ]) {
      const err = await errorOf(auth().confirmRegistration({ token: forged }));
      expect(err.code).toBe("BAD_REQUEST");
    }
    const wrongPurpose = await errorOf(
      auth().resetPassword({ token: emailLinkTokenFor(secret, "reset", id), password: strong }),
    );
    expect(wrongPurpose.code).toBe("BAD_REQUEST");
    expect((await auth().confirmRegistration({ token })).user.email).toBe(email);
  });

  it("lets one of two confirmed registrations of an address make the account", async () => {
    const email = `${unique()}@example.com`;
    const first = await confirmToken(email, "First");
    const second = await confirmToken(email, "Second");
    await auth().confirmRegistration({ token: first });
    const err = await errorOf(auth().confirmRegistration({ token: second }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/already has an account/);
  });

  it("normalises the email", async () => {
    const name = unique();
    const session = await signUp(`  ${name.toUpperCase()}@Example.COM `);
    expect(session.user.email).toBe(`${name}@example.com`);
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

  it("publishes user.registered through the outbox once the link is followed", async () => {
    const session = await signUp();
    await waitFor("the user.registered event", async () => {
      const msg = await conn.bus.jsm.streams.getMessage(EVENTS_STREAM, {
        last_by_subj: "user.registered",
      });
      return msg?.json<{ data: { id: string } }>().data.id === session.user.id;
    });
  });

  it("limits registrations per email, whether or not it has an account", async () => {
    const email = `${unique()}@example.com`;
    for (let i = 0; i < 6; i++) await auth().register({ email, name: "R", password: strong });
    const err = await errorOf(auth().register({ email, name: "R", password: strong }));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/^Too many registrations for this email\. Try again in \d+ /);
    expect((err.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("sign in", () => {
  it("gives the same message for a wrong password and an unknown email, with similar timing", async () => {
    const { user } = await signUp();
    const timeOf = async (e: string) => {
      const started = performance.now();
      const err = await errorOf(auth().signIn({ email: e, password: "wrong password!" }));
      return { ms: performance.now() - started, message: err.message, code: err.code };
    };
    const unknownEmail = `${unique()}@example.com`;
    const wrong: number[] = [];
    const unknown: number[] = [];
    let messages = new Set<string>();
    // Alternate the two cases and compare medians, so a busy machine affects both alike.
    for (let i = 0; i < 5; i++) {
      const w = await timeOf(user.email);
      const u = await timeOf(unknownEmail);
      wrong.push(w.ms);
      unknown.push(u.ms);
      messages = new Set([...messages, `${w.code}: ${w.message}`, `${u.code}: ${u.message}`]);
    }
    expect([...messages]).toEqual(["UNAUTHORIZED: Email or password is wrong."]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("checks at most 5 of 200 parallel wrong passwords; the owner elsewhere still signs in", async () => {
    const { user } = await signUp();
    const attacker = randomIp();
    const before = await checksRun();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        auth(attacker).signIn({ email: user.email, password: `guess number ${i}` }),
      ),
    );
    const checked = (await checksRun()) - before;
    const codes = results.map((r) =>
      r.status === "rejected" ? (r.reason as TRPCError).code : "OK",
    );
    expect(codes.filter((c) => c === "OK")).toHaveLength(0);
    expect(codes.filter((c) => c === "UNAUTHORIZED").length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(195);
    expect(checked).toBeLessThanOrEqual(5);
    console.log(`200 parallel wrong passwords: ${checked} checked, ${200 - checked} refused`);

    // The owner, from another address, is not held up by the attacker at all.
    const owner = await auth(randomIp()).signIn({ email: user.email, password: strong });
    expect(owner.user.id).toBe(user.id);

    // From the attacking address even the right password waits out the delay, then works.
    const held = await errorOf(auth(attacker).signIn({ email: user.email, password: strong }));
    expect(held.code).toBe("TOO_MANY_REQUESTS");
    expect(held.message).toMatch(/^Too many sign-in attempts\. Try again in [12] seconds?\.$/);
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await auth(attacker).signIn({ email: user.email, password: strong })).user.id).toBe(
      user.id,
    );
  });

  it("doubles the wait each time the checks run out again, with one check per round", async () => {
    const { user } = await signUp();
    const ip = randomIp();
    const wrong = () => errorOf(auth(ip).signIn({ email: user.email, password: "not it, no" }));
    for (let i = 0; i < 5; i++) expect((await wrong()).code).toBe("UNAUTHORIZED");
    const first = await wrong();
    expect((first.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(2);
    await new Promise((r) => setTimeout(r, 2_100));
    // After a wait: one check, then a wait twice as long.
    expect((await wrong()).code).toBe("UNAUTHORIZED");
    const second = await wrong();
    expect(second.code).toBe("TOO_MANY_REQUESTS");
    expect((second.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(4);
  });

  it("throttles a client address that fails on many accounts", async () => {
    const { createSignInThrottle } = await import("../domain/throttle");
    const { createRedis, createLogger } = await import("@tx/service-kit");
    const redis = createRedis(
      infra.infra.urls.REDIS_URL,
      "throttle-test",
      createLogger("t", "silent"),
    );
    const throttle = createSignInThrottle(redis, {
      attempts: 100,
      windowSeconds: 60,
      firstDelaySeconds: 1,
      maxDelaySeconds: 60,
      addressAttempts: 4,
    });
    const ip = randomIp();
    for (let i = 0; i < 4; i++)
      await (await throttle.begin(`${unique()}@example.com`, ip)).failed();
    await expect(throttle.begin(`${unique()}@example.com`, ip)).rejects.toThrow(/Too many/);
    await expect(throttle.begin(`${unique()}@example.com`, randomIp())).resolves.toBeDefined();
    redis.disconnect();
  });
});

describe("password reset", () => {
  async function resetToken(email: string) {
    const ids = await linkIds("user.password_reset_requested", [email], () =>
      auth().requestPasswordReset({ email }),
    );
    return emailLinkTokenFor(secret, "reset", ids.get(email) ?? "");
  }

  it("answers the same for an email with no account, and sends nothing", async () => {
    const nobody = `${unique()}@example.com`;
    const before = (await conn.bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq;
    expect(await auth().requestPasswordReset({ email: nobody })).toEqual({ sentTo: nobody });
    const { user } = await signUp();
    expect(await auth().requestPasswordReset({ email: user.email })).toEqual({
      sentTo: user.email,
    });
    const last = await conn.bus.jsm.streams.getMessage(EVENTS_STREAM, {
      last_by_subj: "user.password_reset_requested",
    });
    expect(last?.seq).toBeGreaterThan(before);
    expect(last?.json<{ data: { email: string } }>().data.email).toBe(user.email);
  });

  it("sets the new password through the link, once, and ends every other session", async () => {
    const session = await signUp();
    const elsewhere = await auth(randomIp()).signIn({
      email: session.user.email,
      password: strong,
    });
    const token = await resetToken(session.user.email);

    const weak = await errorOf(auth().resetPassword({ token, password: "password1" }));
    expect(weak.code).toBe("BAD_REQUEST");
    // A refused password does not spend the link.
    const renewed = await auth().resetPassword({ token, password: "a brand new passphrase" });
    expect(renewed.user.id).toBe(session.user.id);

    const reused = await errorOf(auth().resetPassword({ token, password: "yet another phrase" }));
    expect(reused.message).toBe("This link has expired or was already used.");
    for (const old of [session.refreshToken, elsewhere.refreshToken]) {
      expect((await errorOf(auth().refresh({ refreshToken: old }))).code).toBe("UNAUTHORIZED");
    }
    expect((await auth().refresh({ refreshToken: renewed.refreshToken })).user.id).toBe(
      session.user.id,
    );
    const oldPassword = await errorOf(
      auth().signIn({ email: session.user.email, password: strong }),
    );
    expect(oldPassword.code).toBe("UNAUTHORIZED");
    await auth().signIn({ email: session.user.email, password: "a brand new passphrase" });
  });

  it("lets exactly one of two simultaneous uses of a link through", async () => {
    const { user } = await signUp();
    const token = await resetToken(user.email);
    const results = await Promise.allSettled([
      auth().resetPassword({ token, password: "first new passphrase" }),
      auth().resetPassword({ token, password: "second new passphrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a link past its 30 minutes", async () => {
    const { user } = await signUp();
    const token = await resetToken(user.email);
    const { EmailedTokenModel } = await import("../models/emailed-token");
    await EmailedTokenModel.updateOne(
      { _id: token.split(".")[0] },
      { $set: { expiresAt: new Date(Date.now() - 1) } },
    );
    const err = await errorOf(auth().resetPassword({ token, password: "too late a phrase" }));
    expect(err.message).toBe("This link has expired or was already used.");
  });

  it("limits reset links per email, for addresses with and without an account", async () => {
    for (const email of [(await signUp()).user.email, `${unique()}@example.com`]) {
      for (let i = 0; i < 3; i++) await auth().requestPasswordReset({ email });
      const err = await errorOf(auth().requestPasswordReset({ email }));
      expect(err.code).toBe("TOO_MANY_REQUESTS");
      expect(err.message).toMatch(/^Too many reset links asked for this email\. Try again in /);
    }
  });
});

describe("change password", () => {
  it("needs the current password, and then ends every other session", async () => {
    const session = await signUp();
    const me = session.user;
    const elsewhere = await auth(randomIp()).signIn({ email: me.email, password: strong });
    const signedIn = () => auth(randomIp(), me);

    const wrong = await errorOf(
      signedIn().changePassword({
        currentPassword: "not my password",
        newPassword: "whatever new one",
      }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect((wrong.cause as { fields?: Record<string, string> }).fields).toEqual({
      currentPassword: "This is not your current password.",
    });
    const common = await errorOf(
      signedIn().changePassword({ currentPassword: strong, newPassword: "password1" }),
    );
    expect((common.cause as { fields?: Record<string, string> }).fields).toHaveProperty(
      "newPassword",
    );

    const changed = await signedIn().changePassword({
      currentPassword: strong,
      newPassword: "a changed passphrase",
    });
    expect(changed.user.id).toBe(me.id);
    for (const old of [session.refreshToken, elsewhere.refreshToken]) {
      expect((await errorOf(auth().refresh({ refreshToken: old }))).code).toBe("UNAUTHORIZED");
    }
    expect((await auth().refresh({ refreshToken: changed.refreshToken })).user.id).toBe(me.id);
    await auth().signIn({ email: me.email, password: "a changed passphrase" });
  });

  it("is refused to anyone not signed in", async () => {
    const err = await errorOf(
      auth().changePassword({ currentPassword: strong, newPassword: "a changed passphrase" }),
    );
    expect(err.code).toBe("UNAUTHORIZED");
  });
});

describe("refresh tokens", () => {
  it("rotates on every use; reusing a spent one revokes the whole family", async () => {
    const first = await signUp();
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
    const session = await signUp();
    const results = await Promise.allSettled([
      auth().refresh({ refreshToken: session.refreshToken }),
      auth().refresh({ refreshToken: session.refreshToken }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("stops working after sign-out", async () => {
    const session = await signUp();
    await auth().signOut({ refreshToken: session.refreshToken });
    const err = await errorOf(auth().refresh({ refreshToken: session.refreshToken }));
    expect(err.code).toBe("UNAUTHORIZED");
  });

  it("refuses a malformed refresh token with a 400", async () => {
    const err = await errorOf(auth().refresh({ refreshToken: "nope" }));
    expect(err.code).toBe("BAD_REQUEST");
  });
});
