import { type Logger, outbox, pendingEvent } from "@tx/service-kit";
import { type DeliverySettings, deliveryParties } from "../domain/delivery";
import { deleteFile, filesNotAttached, markAttached } from "../files/store";
import { TicketModel } from "../models/ticket";
import { markConfirmed } from "./confirm";

const HOUR = 3_600_000;
const BATCH = 100;

export type SweepSettings = DeliverySettings & { unusedFileHours: number };
export type SweepResult = { failed: number; confirmed: number; filesDeleted: number };

/**
 * What time alone changes about deliveries, run every few seconds by every replica:
 * - a transfer not reported by its deadline fails (`delivery.failed`: payments refunds it);
 * - a delivery nobody disputed is confirmed the configured time after the event;
 * - uploaded files no listing took are deleted, and a crash's half-attached ones settled.
 * Every change is a write conditional on the state it found, so replicas that sweep at
 * once, or a seller reporting a transfer as the deadline passes, change each listing once.
 */
export async function sweepDeliveries(
  s: SweepSettings,
  log: Logger,
  now = new Date(),
): Promise<SweepResult> {
  const result: SweepResult = { failed: 0, confirmed: 0, filesDeleted: 0 };

  const overdue = await TicketModel.find(
    { "delivery.state": "transfer_requested", "delivery.deadline": { $lte: now } },
    { outbox: 0, searchTerms: 0 },
  )
    .limit(BATCH)
    .lean();
  for (const t of overdue) {
    const deadline = t.delivery?.deadline;
    if (!deadline) continue;
    const failed = await outbox.update(
      TicketModel,
      { _id: t._id, "delivery.state": "transfer_requested", "delivery.deadline": { $lte: now } },
      { $set: { "delivery.state": "failed", "delivery.failedAt": now } },
      [
        pendingEvent("delivery.failed", {
          ...deliveryParties(t, now),
          reason: "not_transferred",
          deadline: deadline.toISOString(),
        }),
      ],
    );
    if (failed) {
      result.failed += 1;
      log.warn({ ticketId: t._id.toString(), orderId: t.orderId }, "transfer deadline missed");
    }
  }

  const eventBefore = new Date(now.getTime() - s.confirmAfterEventHours * HOUR);
  const undisputed = await TicketModel.find(
    { "delivery.state": { $in: ["ready", "transferred"] }, eventDate: { $lte: eventBefore } },
    { outbox: 0, searchTerms: 0 },
  )
    .limit(BATCH)
    .lean();
  for (const t of undisputed) {
    const state = t.delivery?.state;
    if (state !== "ready" && state !== "transferred") continue;
    if (await markConfirmed(t, state, "no_dispute", now)) result.confirmed += 1;
  }

  const unused = await filesNotAttached(new Date(now.getTime() - s.unusedFileHours * HOUR));
  for (const file of unused) {
    const listingId = file.metadata.listingId;
    if (file.metadata.state === "claimed" && listingId) {
      const named = await TicketModel.exists({ _id: listingId, "delivery.files._id": file._id });
      if (named) {
        await markAttached([file._id], listingId);
        continue;
      }
    }
    await deleteFile(file._id);
    result.filesDeleted += 1;
  }
  if (result.failed + result.confirmed + result.filesDeleted > 0) {
    log.info(result, "delivery sweep");
  }
  return result;
}

/** Sweeps every `everyMs` (never two at once in this process); returns how to stop. */
export function startDeliverySweep(
  everyMs: number,
  s: SweepSettings,
  log: Logger,
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepDeliveries(s, log)
      .catch((err) => log.warn({ err }, "delivery sweep failed, will retry"))
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
