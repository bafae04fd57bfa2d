import type { Reconciler } from "@tx/service-kit";
import { HoldModel } from "../models/hold";
import type { ExpirationQueue } from "../queue/expiration-queue";

const PAGE = 1_000;
/** A hold this long past its end whose order never ended here: its events were lost; forget it. */
const FORGET_AFTER_MS = 7 * 24 * 3_600_000;

/**
 * Schedules a job for every live hold that has none (Redis lost its data, a job was removed
 * by hand), and retries one that failed. Scheduling is idempotent (job id = order id), so
 * replicas doing it at once keep one job; a hold already past its end fires at once, and
 * orders ignores an expiration for an order that is no longer awaiting payment.
 */
export function missingJobs(queue: () => ExpirationQueue): Reconciler {
  return {
    name: "missing-jobs",
    run: async ({ log, fixed }) => {
      const holds = await HoldModel.find({}).limit(PAGE).lean();
      for (const hold of holds) {
        const job = await queue().queue.getJob(hold._id);
        if (!job) {
          if (hold.expiresAt.getTime() + FORGET_AFTER_MS < Date.now()) {
            await HoldModel.deleteOne({ _id: hold._id });
            continue;
          }
          await queue().schedule(hold._id, hold.expiresAt);
          fixed("missing_job_scheduled");
          log.info({ orderId: hold._id }, "expiration job scheduled again");
        } else if (await job.isFailed()) {
          await job.retry();
          fixed("failed_job_retried");
        }
      }
    },
  };
}
