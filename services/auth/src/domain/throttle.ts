import { formatWait } from "@tx/api-contracts";
import { DomainError, type Redis } from "@tx/service-kit";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export type SignInThrottle = {
  /** Refuses with a "try again in N s" error when the account or the address is locked out. */
  check: (email: string, clientIp: string | null) => Promise<void>;
  recordFailure: (email: string, clientIp: string | null) => Promise<void>;
  recordSuccess: (email: string) => Promise<void>;
};

/** Failed sign-ins counted in Redis per account and per client address (rate-limiter-flexible). */
export function createSignInThrottle(
  redis: Redis,
  opts: { accountAttempts: number; addressAttempts: number; windowSeconds: number },
): SignInThrottle {
  const byAccount = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "signin:account",
    points: opts.accountAttempts,
    duration: opts.windowSeconds,
    blockDuration: opts.windowSeconds,
  });
  const byAddress = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "signin:address",
    points: opts.addressAttempts,
    duration: opts.windowSeconds,
    blockDuration: opts.windowSeconds,
  });
  const address = (ip: string | null) => ip ?? "unknown";

  const refuse = (res: RateLimiterRes): never => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `Too many sign-in attempts. Try again in ${formatWait(seconds)}.`,
      { retryAfterSeconds: seconds },
    );
  };

  return {
    async check(email, clientIp) {
      const [account, addr] = await Promise.all([
        byAccount.get(email),
        byAddress.get(address(clientIp)),
      ]);
      for (const res of [account, addr]) {
        if (
          res &&
          res.consumedPoints >= (res === account ? opts.accountAttempts : opts.addressAttempts)
        ) {
          refuse(res);
        }
      }
    },
    async recordFailure(email, clientIp) {
      await Promise.all([
        byAccount.consume(email).catch(swallowLimit),
        byAddress.consume(address(clientIp)).catch(swallowLimit),
      ]);
    },
    async recordSuccess(email) {
      await byAccount.delete(email);
    },
  };
}

// Going over the limit while recording a failure is expected; the next check refuses.
function swallowLimit(err: unknown): void {
  if (!(err instanceof RateLimiterRes)) throw err;
}
