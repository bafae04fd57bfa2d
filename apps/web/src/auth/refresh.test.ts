import { TRPCClientError } from "@trpc/client";
import type { AuthSession } from "@tx/api-contracts";
import { describe, expect, it, vi } from "vitest";
import { ensureFreshSession } from "./refresh";
import { testSession } from "./test-session";

const MINUTE = 60_000;

/** A session issued `age` ms before `now`, with its own refresh token. */
function issued(now: number, age: number, refreshToken: string): AuthSession {
  return testSession(now - age, { refreshToken: refreshToken.padEnd(43, "x") });
}

describe("ensureFreshSession", () => {
  it("leaves a session alone while its access token has more than a minute left", async () => {
    const now = Date.now();
    const refresh = vi.fn();
    const session = issued(now, 13 * MINUTE, "a");
    expect(await ensureFreshSession(session, refresh, now)).toEqual({ kind: "current", session });
    expect(refresh).not.toHaveBeenCalled();
  });

  it("rotates the tokens when the access token expires within a minute", async () => {
    const now = Date.now();
    const session = issued(now, 14.5 * MINUTE, "b");
    const next = testSession(now, { refreshToken: "n".repeat(43) });
    const refresh = vi.fn(async () => next);
    expect(await ensureFreshSession(session, refresh, now)).toEqual({
      kind: "refreshed",
      session: next,
    });
    expect(refresh).toHaveBeenCalledWith(session.refreshToken);
  });

  it("spends a refresh token once, however many requests need it at the same time", async () => {
    const now = Date.now();
    const session = issued(now, 20 * MINUTE, "c");
    const next = testSession(now);
    const refresh = vi.fn(
      () => new Promise<AuthSession>((resolve) => setTimeout(() => resolve(next), 20)),
    );
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => ensureFreshSession(session, refresh, now)),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    // A request that arrives just after, still carrying the old cookie, gets the same session.
    outcomes.push(await ensureFreshSession(session, refresh, now));
    expect(refresh).toHaveBeenCalledTimes(1);
    for (const outcome of outcomes) expect(outcome).toEqual({ kind: "refreshed", session: next });
  });

  it("keeps a session whose refresh failed while its access token still works", async () => {
    const now = Date.now();
    const session = issued(now, 14.5 * MINUTE, "d");
    const refresh = vi.fn(async () => Promise.reject(new Error("auth is down")));
    expect(await ensureFreshSession(session, refresh, now)).toEqual({ kind: "current", session });
  });

  it("ends a session at once when the auth service refuses its refresh (revoked)", async () => {
    const now = Date.now();
    const session = issued(now, 14.5 * MINUTE, "r");
    const refused = TRPCClientError.from({
      error: {
        message: "Your session has ended. Please sign in again.",
        code: -32001,
        data: { code: "UNAUTHORIZED", httpStatus: 401 },
      },
    });
    const refresh = vi.fn(async () => Promise.reject(refused));
    expect(await ensureFreshSession(session, refresh, now)).toEqual({ kind: "ended" });
  });

  it("ends a session whose access token expired and cannot be refreshed", async () => {
    const now = Date.now();
    const session = issued(now, 16 * MINUTE, "e");
    const refresh = vi.fn(async () => Promise.reject(new Error("UNAUTHORIZED")));
    expect(await ensureFreshSession(session, refresh, now)).toEqual({ kind: "ended" });
  });

  it("tries the refresh again after a failure", async () => {
    const now = Date.now();
    const session = issued(now, 16 * MINUTE, "f");
    const next = testSession(now);
    const refresh = vi
      .fn<(token: string) => Promise<AuthSession>>()
      .mockRejectedValueOnce(new Error("timeout"))
      .mockResolvedValueOnce(next);
    expect(await ensureFreshSession(session, refresh, now)).toEqual({ kind: "ended" });
    expect(await ensureFreshSession(session, refresh, now)).toEqual({
      kind: "refreshed",
      session: next,
    });
  });

  it("ends a session whose refresh token has expired, without asking the auth service", async () => {
    const now = Date.now();
    const session = testSession(now - 31 * 24 * 3600_000);
    const refresh = vi.fn();
    expect(await ensureFreshSession(session, refresh, now)).toEqual({ kind: "ended" });
    expect(refresh).not.toHaveBeenCalled();
  });
});
