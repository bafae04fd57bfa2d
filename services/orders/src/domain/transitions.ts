import {
  type CancelReason,
  formatWait,
  type ListingChange,
  type RefundReason,
} from "@tx/api-contracts";
import { outbox, type PendingEvent, pendingEvent } from "@tx/service-kit";
import { type OrderDoc, OrderModel } from "../models/order";
import { releaseHoldSlot, startCooldown } from "./fair-holds";

const reasonNotes: Record<CancelReason, (order: OrderDoc) => string> = {
  expired: (order) => `The ${holdLength(order)} hold ended before payment.`,
  user: () => "Cancelled by the buyer.",
  payment_failed: () => "Payment failed.",
  listing_changed: () => "The seller changed this listing as you bought it. Nothing is charged.",
};

/** "15-minute": the hold this order was given (ORDER_HOLD_SECONDS when it was made). */
function holdLength(order: OrderDoc): string {
  const heldAt = order.timeline[0]?.at ?? order.createdAt;
  const seconds = Math.round((order.expiresAt.getTime() - heldAt.getTime()) / 1000);
  return formatWait(seconds).replace(/ (\w+?)s?$/, "-$1");
}

/**
 * Moves an order from `awaiting_payment` to cancelled. Conditional on the status, so a
 * paid order is never cancelled. Returns null when the order was not awaiting payment.
 */
export async function cancelOrder(
  order: OrderDoc,
  reason: CancelReason,
  note = reasonNotes[reason](order),
  listingChange?: ListingChange,
) {
  const version = order.version + 1;
  const event = pendingEvent("order.cancelled", {
    id: order._id.toString(),
    version,
    ticket: { id: order.ticketId },
    reason,
  });
  const cancelled = await apply(order, "cancelled", note, [event], {
    $unset: { liveTicketId: 1 },
    $set: { cancelReason: reason, ...(listingChange ? { listingChange } : {}) },
  });
  if (cancelled) {
    await releaseHoldSlot(order);
    // The buyer's own hold ended: a short wait before they may take this listing again.
    if (reason === "expired" || reason === "user") await startCooldown(order);
  }
  return cancelled;
}

/** awaiting_payment -> complete, when the payment landed in time. */
export async function completeOrder(order: OrderDoc) {
  const version = order.version + 1;
  const event = pendingEvent("order.completed", {
    id: order._id.toString(),
    version,
    ticket: { id: order.ticketId },
  });
  const completed = await apply(order, "complete", "Payment received. The tickets are yours.", [
    event,
  ]);
  // A completed order is no longer a hold: the buyer's slot is free again.
  if (completed) await releaseHoldSlot(order);
  return completed;
}

/**
 * -> refunded: the money went back. From cancelled (a payment that came too late) or, for
 * a transfer the seller never made (issue 21), from complete: the order ends, its listing
 * stays with it as the sale that failed.
 */
/** The state an order refunded for `reason` leaves: a sale not delivered, or a late payment's. */
export function refundedFrom(reason: RefundReason): "complete" | "cancelled" {
  return reason === "delivery_failed" ? "complete" : "cancelled";
}

export async function markRefunded(order: OrderDoc, reason: RefundReason) {
  const from = refundedFrom(reason);
  if (order.status !== from) return null;
  return OrderModel.findOneAndUpdate(
    { _id: order._id, status: from, version: order.version },
    {
      $set: { status: "refunded" },
      $unset: { liveTicketId: 1 },
      $inc: { version: 1 },
      $push: {
        timeline: {
          at: new Date(),
          status: "refunded",
          note:
            order.cancelReason === "listing_changed"
              ? "The payment was refunded in full: the listing had changed."
              : refundNotes[from],
        },
      },
    },
    { returnDocument: "after" },
  ).lean();
}

const refundNotes = {
  cancelled: "The late payment was refunded in full.",
  complete: "The seller did not transfer the tickets by the deadline: refunded in full.",
} as const;

async function apply(
  order: OrderDoc,
  to: "cancelled" | "complete",
  note: string,
  events: PendingEvent[],
  extra: { $unset?: Record<string, 1>; $set?: Record<string, unknown> } = {},
) {
  return outbox.update(
    OrderModel,
    { _id: order._id, status: "awaiting_payment", version: order.version },
    {
      $set: { status: to, ...extra.$set },
      ...(extra.$unset ? { $unset: extra.$unset } : {}),
      $inc: { version: 1 },
      $push: { timeline: { at: new Date(), status: to, note } },
    },
    events,
  );
}
