import { closeQueue, createRedis, type Logger, registerReadinessCheck } from "@tx/service-kit";
import { Queue, Worker } from "bullmq";
import { runPayouts } from "./run";

export const PAYOUT_QUEUE = "seller-payouts";
const SCHEDULER_ID = "payout-run";

/**
 * The payout run as a BullMQ repeatable job (a job scheduler, upserted by every replica:
 * one schedule, one job per tick, run by one worker). A run that fails is retried; it
 * cannot pay twice, since each payout's key is the seller's next sequence number.
 */
export async function startPayoutSchedule(
  redisUrl: string,
  schedule: { cron: string; tz: string },
  log: Logger,
) {
  const connection = createRedis(redisUrl, "payouts", log);
  registerReadinessCheck({
    name: "redis",
    check: async () => {
      await connection.ping();
    },
  });
  const queue = new Queue(PAYOUT_QUEUE, { connection });
  const jobOpts = {
    attempts: 5,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  };
  await queue.upsertJobScheduler(
    SCHEDULER_ID,
    { pattern: schedule.cron, tz: schedule.tz },
    { name: "run", opts: jobOpts },
  );
  const worker = new Worker(PAYOUT_QUEUE, async () => runPayouts(new Date(), log), {
    connection: createRedis(redisUrl, "payouts-worker", log),
    concurrency: 1,
  });
  worker.on("error", (err) => log.warn({ err: err.message }, "payout worker error"));
  worker.on("failed", (job, err) => log.warn({ err, jobId: job?.id }, "payout run failed"));
  log.info(schedule, "payout run scheduled");

  return {
    queue,
    /** A run now, beside the schedule (an operator, a test). */
    runNow: async () => {
      await queue.add("run", {}, jobOpts);
    },
    stop: () => closeQueue(worker, queue, connection),
  };
}

export type PayoutSchedule = Awaited<ReturnType<typeof startPayoutSchedule>>;
