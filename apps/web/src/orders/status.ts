import type { CancelReason, Order, OrderStatus } from "@tx/api-contracts";
import type { BadgeTone } from "@tx/ui";

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
};

export function cancelReasonText(order: Pick<Order, "cancelReason">): string | null {
  return order.cancelReason ? cancelReasons[order.cancelReason] : null;
}

/** Whether the buyer can still pay: awaiting payment and the hold not over (by `now`). */
export function isPayable(order: Pick<Order, "status" | "expiresAt">, now: number): boolean {
  return order.status === "awaiting_payment" && Date.parse(order.expiresAt) > now;
}
