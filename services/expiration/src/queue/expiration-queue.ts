import {
  buildEnvelope,
  closeQueue,
  createRedis,
  deterministicId,
  type EventBus,
  type Logger,
  registerQueueFigures,
  registerReadinessCheck,
  retryDelay,
} from "@tx/service-kit";
import { Queue, Worker } from "bullmq";

export const EXPIRATION_QUEUE = "order-expiration";

export type ExpirationJob = { orderId: string };

/**
 * Holds end through BullMQ delayed jobs; the job id is the order id, so scheduling the
 * same hold twice (a redelivered event) keeps one job. Redis keeps its append-only file,
 * so jobs survive a restart; one whose time passed while we were down runs at once.
 */
export async function startExpirationQueue(redisUrl: string, bus: EventBus, log: Logger) {
  const connection = createRedis(redisUrl, "expiration", log);
  registerReadinessCheck({
    name: "redis",
    check: async () => {
      await connection.ping();
    },
  });
  const queue = new Queue<ExpirationJob>(EXPIRATION_QUEUE, { connection });
  registerQueueFigures(async () => {
    const counts = await queue.getJobCounts("waiting", "delayed", "active", "failed");
    return [
      {
        name: EXPIRATION_QUEUE,
        waiting: counts.waiting ?? 0,
        delayed: counts.delayed ?? 0,
        active: counts.active ?? 0,
        failed: counts.failed ?? 0,
      },
    ];
  });
  const worker = new Worker<ExpirationJob>(
    EXPIRATION_QUEUE,
    async (job) => {
      // Awaited: if the publish fails the job fails and BullMQ retries it.
      await bus.publish(
        buildEnvelope(
          "expiration.completed",
          { orderId: job.data.orderId },
          deterministicId(`expiration.completed:${job.data.orderId}`),
        ),
      );
      log.info({ orderId: job.data.orderId, jobId: job.id }, "hold expired");
    },
    {
      connection: createRedis(redisUrl, "expiration-worker", log),
      concurrency: 20,
      // A failed publish (NATS unreachable) is retried for as long as it takes, capped.
      settings: { backoffStrategy: (attemptsMade) => retryDelay(attemptsMade, "error") },
    },
  );
  worker.on("error", (err) => log.warn({ err: err.message }, "expiration worker error"));
  worker.on("failed", (job, err) => log.warn({ err, jobId: job?.id }, "expiration job failed"));

  return {
    queue,
    /** Schedules the end of a hold; the same order scheduled twice keeps one job. */
    schedule: async (orderId: string, expiresAt: Date) => {
      await queue.add(
        "expire",
        { orderId },
        {
          jobId: orderId,
          delay: Math.max(0, expiresAt.getTime() - Date.now()),
          // Never given up: a hold must end however long NATS is away.
          attempts: Number.MAX_SAFE_INTEGER,
          backoff: { type: "custom" },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    },
    /** Removes a pending job; one already running finishes (orders ignores it if paid). */
    unschedule: async (orderId: string) => {
      const job = await queue.getJob(orderId);
      if (job && (await job.isDelayed())) await job.remove();
    },
    stop: () => closeQueue(worker, queue, connection),
  };
}

export type ExpirationQueue = Awaited<ReturnType<typeof startExpirationQueue>>;
