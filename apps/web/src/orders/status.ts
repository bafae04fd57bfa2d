import type { CancelReason, Order, OrderStatus } from "@tx/api-contracts";
import { type BadgeTone, formatMoney } from "@tx/ui";

export const orderStatus: Record<OrderStatus, { label: string; tone: BadgeTone }> = {
  awaiting_payment: { label: "Awaiting payment", tone: "warning" },
  complete: { label: "Complete", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  refunded: { label: "Refunded", tone: "info" },
};

const cancelReasons: Record<CancelReason, string> = {
  expired: "The hold ended before payment.",
  user: "You cancelled it.",
  payment_failed: "The payment failed.",
  listing_changed: "The seller changed this listing as you bought it.",
};

export function cancelReasonText(
  order: Pick<Order, "cancelReason" | "listingChange" | "total">,
): string | null {
  if (order.cancelReason === "listing_changed") return listingChanged(order).title;
  return order.cancelReason ? cancelReasons[order.cancelReason] : null;
}

/**
 * What the buyer is told when the seller deleted or changed the listing just as they
 * pressed Purchase: the new price, or that it is gone. Nothing is charged at old terms.
 */
export function listingChanged(order: Pick<Order, "listingChange" | "total">): {
  title: string;
  detail: string;
} {
  const charged = "Nothing is charged for this order; a payment already made is refunded in full.";
  const change = order.listingChange;
  if (change?.kind === "changed") {
    return {
      title: `The seller changed this listing as you bought it: it now costs ${formatMoney(change.total)}`,
      detail: `You were holding it at ${formatMoney(order.total)}, so the order was cancelled. ${charged} See the listing to buy it at its new price.`,
    };
  }
  return {
    title: "The seller removed this listing as you bought it",
    detail: `It is no longer available, so the order was cancelled. ${charged}`,
  };
}

/** Whether the buyer can still pay: awaiting payment and the hold not over (by `now`). */
export function isPayable(order: Pick<Order, "status" | "expiresAt">, now: number): boolean {
  return order.status === "awaiting_payment" && Date.parse(order.expiresAt) > now;
}
