import { addressKey, type Redis, tooManyRequests } from "@tx/service-kit";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export type SignInThrottleOptions = {
  /** Password checks one account may have from one address before it must wait. */
  attempts: number;
  /** How long those checks are counted. */
  windowSeconds: number;
  /** The first wait once they are used up; each time they run out again it doubles. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Password checks one address may fail across all accounts in a window. */
  addressAttempts: number;
};

/** One password check that the throttle let through; say how it went. */
export type SignInAttempt = {
  succeeded: () => Promise<void>;
  failed: () => Promise<void>;
};

export type SignInThrottle = {
  /**
   * Counts a password check for this account from this address *before* it runs (one
   * atomic increment in Redis), or refuses with "try again in N s". 200 parallel attempts
   * therefore run at most `attempts` checks, not 200.
   */
  begin: (email: string, clientIp: string | null) => Promise<SignInAttempt>;
};

const REFUSAL = "Too many sign-in attempts.";
const DAY = 24 * 3600;

/**
 * Sign-in throttling keyed by account *and* address: someone elsewhere who guesses a
 * user's password slows only their own address, never the user. The wait grows (first
 * delay, then twice as long, up to the maximum) instead of locking anyone out.
 *
 * - `pair` (account|address): `attempts` free checks per window; when the last one fails,
 *   the pair is blocked for the current delay. After a block, the next round is one check.
 * - `strikes` (account|address): how often the pair was blocked in the last day; the delay
 *   is `firstDelay * 2^(strikes-1)`.
 * - `address`: failures across accounts (credential stuffing from one place).
 * A success gives the points back and forgets the pair's strikes.
 */
export function createSignInThrottle(redis: Redis, opts: SignInThrottleOptions): SignInThrottle {
  const pairs = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "signin:pair",
    points: opts.attempts,
    duration: opts.windowSeconds,
  });
  const strikes = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "signin:strikes",
    points: 1_000_000,
    duration: DAY,
  });
  const addresses = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "signin:address",
    points: opts.addressAttempts,
    duration: opts.windowSeconds,
  });

  const consume = async (limiter: RateLimiterRedis, key: string, points = 1) => {
    try {
      return await limiter.consume(key, points);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw tooManyRequests(REFUSAL, err.msBeforeNext);
      throw err;
    }
  };

  return {
    async begin(email, clientIp) {
      const address = addressKey(clientIp);
      const pair = `${email}|${address}`;
      // A pair that was blocked before gets one check per round, not a fresh allowance.
      const struck = ((await strikes.get(pair))?.consumedPoints ?? 0) > 0;
      const taken = await consume(pairs, pair, struck ? opts.attempts : 1);
      try {
        await consume(addresses, address);
      } catch (err) {
        await pairs.reward(pair, struck ? opts.attempts : 1);
        throw err;
      }
      return {
        succeeded: async () => {
          await Promise.all([pairs.delete(pair), strikes.delete(pair), addresses.reward(address)]);
        },
        failed: async () => {
          // Exactly one request sees the last point go (the increment is atomic).
          if (taken.remainingPoints > 0) return;
          const n = (await strikes.consume(pair)).consumedPoints;
          const delay = Math.min(opts.firstDelaySeconds * 2 ** (n - 1), opts.maxDelaySeconds);
          await pairs.block(pair, delay);
        },
      };
    },
  };
}
