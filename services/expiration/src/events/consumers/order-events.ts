import { type ConsumerOptions, insertOnce } from "@tx/service-kit";
import { HoldModel } from "../../models/hold";
import type { ExpirationQueue } from "../../queue/expiration-queue";

/** A new hold: a delayed job at its expiresAt (job id = order id, so a repeat schedules nothing). */
export const orderCreatedConsumer = (
  queue: () => ExpirationQueue,
): ConsumerOptions<"order.created"> => ({
  subject: "order.created",
  handle: async (event, log) => {
    if (event.data.status !== "awaiting_payment") return;
    const expiresAt = new Date(event.data.expiresAt);
    // Recorded first: if Redis loses the job, the reconciler schedules it again from this.
    await insertOnce(() =>
      HoldModel.create({ _id: event.data.id, expiresAt, createdAt: new Date() }),
    );
    await queue().schedule(event.data.id, expiresAt);
    log.info({ orderId: event.data.id, expiresAt: event.data.expiresAt }, "hold scheduled");
  },
});

/** A hold that ended otherwise (paid or cancelled) needs no expiration. */
const unschedule = (queue: () => ExpirationQueue) => async (event: { data: { id: string } }) => {
  await queue().unschedule(event.data.id);
  await HoldModel.deleteOne({ _id: event.data.id });
};

export const orderCompletedConsumer = (
  queue: () => ExpirationQueue,
): ConsumerOptions<"order.completed"> => ({
  subject: "order.completed",
  handle: unschedule(queue),
});

export const orderCancelledConsumer = (
  queue: () => ExpirationQueue,
): ConsumerOptions<"order.cancelled"> => ({
  subject: "order.cancelled",
  handle: unschedule(queue),
});
