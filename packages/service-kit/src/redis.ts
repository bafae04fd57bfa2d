import { Redis } from "ioredis";
import type { Logger } from "./logger";

/** A Redis client that BullMQ can share: blocking commands must not be cut off by retries. */
export function createRedis(url: string, name: string, log: Logger): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // ioredis reconnects by itself; an unhandled "error" event would only add noise.
  redis.on("error", (err) => log.warn({ err: err.message, connection: name }, "redis error"));
  return redis;
}

export type { Redis };
