import type { Envelope, ListingChange } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { cancelOrder } from "../../domain/transitions";
import { OrderModel } from "../../models/order";

const money = (m: { amount: number; currency: string }) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: m.currency }).format(
    m.amount / 100,
  );

/**
 * tickets would not reserve the listing for this order: the seller deleted it, or changed
 * it after the version the buyer saw. The order is cancelled (listing_changed) with what
 * changed, so the buyer's page can say so; payments refuses or refunds the charge.
 */
export async function onReservationRejected(
  event: Envelope<"ticket.reservation_rejected">,
  log: Logger,
): Promise<void> {
  const { orderId, reason, listing } = event.data;
  const order = await OrderModel.findById(orderId).lean();
  if (!order) throw new RetryLater(`order ${orderId} not found`);
  if (order.status !== "awaiting_payment") return; // ended already (a repeat, or it expired)
  const change: ListingChange =
    reason === "changed" && listing
      ? { kind: "changed", price: listing.price, total: listing.total }
      : { kind: "deleted" };
  const note =
    change.kind === "deleted"
      ? "The seller removed this listing as you bought it. Nothing is charged."
      : `The seller changed this listing as you bought it: it now costs ${money(change.total)}. Nothing is charged.`;
  const cancelled = await cancelOrder(order, "listing_changed", note, change);
  if (!cancelled) throw new RetryLater("order changed while cancelling");
  log.info({ orderId, reason }, "order cancelled: the listing changed");
}

export const reservationRejectedConsumer: ConsumerOptions<"ticket.reservation_rejected"> = {
  subject: "ticket.reservation_rejected",
  handle: onReservationRejected,
};
