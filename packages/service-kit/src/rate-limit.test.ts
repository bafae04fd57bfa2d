import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { createLogger } from "./logger";
import { RateRuleSetting, RequestRate, takeAll } from "./rate-limit";
import { createRedis, type Redis } from "./redis";

const infra = withInfra(["redis"]);
let redis: Redis;
beforeAll(() => {
  redis = createRedis(infra.infra.urls.REDIS_URL, "rate-test", createLogger("t", "silent"));
});
afterAll(() => redis.disconnect());

const key = () => `k${Date.now()}${Math.random()}`;

describe("request rates", () => {
  it("lets exactly the allowed number of 50 parallel requests through", async () => {
    const rate = new RequestRate(redis, "test:parallel", { points: 3, seconds: 60 }, "Slow down.");
    const k = key();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => rate.take(k)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refusal = results.find((r) => r.status === "rejected")?.reason as DomainError;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.kind).toBe("TOO_MANY_REQUESTS");
    expect(refusal.message).toMatch(/^Slow down\. Try again in (59 seconds|1 minute)\.$/);
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(59);
  });

  it("refuses with the longest wait of the limits used up", async () => {
    const short = new RequestRate(redis, "test:short", { points: 1, seconds: 10 }, "Short.");
    const long = new RequestRate(redis, "test:long", { points: 1, seconds: 600 }, "Long.");
    const [a, b] = [key(), key()];
    await takeAll([
      [short, a],
      [long, b],
    ]);
    await expect(
      takeAll([
        [short, a],
        [long, b],
      ]),
    ).rejects.toThrow(/^Long\. Try again in 10 minutes\.$/);
  });

  it("reads settings written as <points>/<seconds>", () => {
    expect(RateRuleSetting.parse("10/60")).toEqual({ points: 10, seconds: 60 });
    expect(RateRuleSetting.safeParse("10 per minute").success).toBe(false);
    expect(RateRuleSetting.safeParse("0/60").success).toBe(false);
  });
});
