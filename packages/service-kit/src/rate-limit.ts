import { formatWait } from "@tx/api-contracts";
import { Counter } from "prom-client";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { DomainError } from "./errors";
import { createLogger } from "./logger";
import { registry } from "./metrics";
import { createRedis, type Redis } from "./redis";
import { registerReadinessCheck } from "./system";

const refused = new Counter({
  name: "rate_limit_refusals_total",
  help: "Requests refused by a rate limit, by limit",
  labelNames: ["limit"],
  registers: [registry],
});

/** The refusal every limit answers with: what happened, when to come back (also as a number). */
export function tooManyRequests(refusal: string, msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError("TOO_MANY_REQUESTS", `${refusal} Try again in ${formatWait(seconds)}.`, {
    retryAfterSeconds: seconds,
  });
}

/** `points` actions per `seconds`, e.g. "10 orders a minute". Parsed from "10/60". */
export type RateRule = { points: number; seconds: number };

/** An env value "<points>/<seconds>" (for example ORDER_CREATE_USER_RATE=10/60). */
export const RateRuleSetting = z
  .string()
  .regex(/^\d+\/\d+$/, 'must be "<points>/<seconds>", e.g. 10/60')
  .transform((s): RateRule => {
    const [points, seconds] = s.split("/").map(Number) as [number, number];
    return { points, seconds };
  })
  .refine((r) => r.points > 0 && r.seconds > 0, "points and seconds must be positive");

/** A rate setting with its default written the way the variable is: rateSetting("10/60"). */
export const rateSetting = (defaultValue: string) => RateRuleSetting.prefault(defaultValue);

/**
 * How often one key (a user, an address) may do something, counted in Redis. `take` is
 * rate-limiter-flexible's consume: one atomic increment, so parallel requests cannot all
 * slip under the limit by reading the count at the same time.
 */
export class RequestRate {
  private readonly limiter: RateLimiterRedis;

  constructor(
    redis: Redis,
    private readonly name: string,
    rule: RateRule,
    private readonly refusal: string,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `rate:${name}`,
      points: rule.points,
      duration: rule.seconds,
    });
  }

  /** Counts one action for `key`, or refuses with "… Try again in N seconds." */
  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      refused.inc({ limit: this.name });
      throw tooManyRequests(this.refusal, err.msBeforeNext);
    }
  }
}

/**
 * Takes every one of the limits (per user and per address, say) and refuses with the
 * longest wait among those that are used up.
 */
export async function takeAll(limits: [RequestRate, string][]): Promise<void> {
  const results = await Promise.allSettled(limits.map(([rate, key]) => rate.take(key)));
  const refusals = results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason as unknown);
  if (refusals.length === 0) return;
  const longest = refusals.reduce((a, b) =>
    b instanceof DomainError &&
    a instanceof DomainError &&
    (b.retryAfterSeconds ?? 0) > (a.retryAfterSeconds ?? 0)
      ? b
      : a,
  );
  throw longest;
}

/** The key for an address that is not known (no peer, no trusted proxy): all such share one. */
export const addressKey = (clientIp: string | null) => clientIp ?? "unknown";

/** One action counted per user and per client address; refused with the longer wait. */
export class UserAndAddressRate {
  private readonly perUser: RequestRate;
  private readonly perAddress: RequestRate;

  constructor(
    redis: Redis,
    name: string,
    rules: { perUser: RateRule; perAddress: RateRule },
    refusals: { perUser: string; perAddress: string },
  ) {
    this.perUser = new RequestRate(redis, `${name}:user`, rules.perUser, refusals.perUser);
    this.perAddress = new RequestRate(
      redis,
      `${name}:address`,
      rules.perAddress,
      refusals.perAddress,
    );
  }

  take(userId: string, clientIp: string | null): Promise<void> {
    return takeAll([
      [this.perUser, userId],
      [this.perAddress, addressKey(clientIp)],
    ]);
  }
}

/**
 * A service's limits and the Redis they count in: built by `build` the first time a
 * procedure asks (`get`), connected by `start` so readiness reports Redis from the first
 * probe, and dropped when the service stops.
 */
export function serviceLimits<T>(
  settings: { REDIS_URL: string; LOG_LEVEL: string },
  service: string,
  build: (redis: Redis) => T,
) {
  let redis: Redis | undefined;
  let built: T | undefined;
  const client = (): Redis => {
    if (!redis) {
      const created = createRedis(
        settings.REDIS_URL,
        `${service}-limits`,
        createLogger(service, settings.LOG_LEVEL),
      );
      registerReadinessCheck({
        name: "redis",
        check: async () => {
          await created.ping();
        },
      });
      redis = created;
    }
    return redis;
  };
  return {
    get: (): T => {
      built ??= build(client());
      return built;
    },
    start: (): (() => Promise<void>) => {
      client();
      return async () => {
        redis?.disconnect();
        redis = undefined;
        built = undefined;
      };
    },
  };
}
