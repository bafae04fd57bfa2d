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

/**
 * Stops a BullMQ worker and its queue: gracefully when Redis answers, forced after 5 s
 * (unfinished jobs are retried later), then drops the shared connection.
 */
export async function closeQueue(
  worker: { close: (force?: boolean) => Promise<void> },
  queue: { close: () => Promise<void> },
  connection: Redis,
): Promise<void> {
  const graceful = worker.close();
  const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 5_000).unref());
  if ((await Promise.race([graceful, timer])) === "timeout") await worker.close(true);
  await queue.close();
  connection.disconnect();
}
