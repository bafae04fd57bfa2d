import type { DeliveryState } from "@tx/api-contracts";
import type { BadgeTone } from "@tx/ui";

/** Where a sold listing's delivery stands, beside its status (which stays "Sold"). */
export const deliveryBadge: Record<DeliveryState, { label: string; tone: BadgeTone }> = {
  ready: { label: "Files ready", tone: "info" },
  transfer_requested: { label: "To transfer", tone: "warning" },
  transferred: { label: "Transferred", tone: "info" },
  confirmed: { label: "Delivered", tone: "success" },
  failed: { label: "Not delivered", tone: "danger" },
  disputed: { label: "Problem reported", tone: "danger" },
};
