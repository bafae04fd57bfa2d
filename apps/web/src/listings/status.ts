import type { TicketStatus } from "@tx/api-contracts";
import type { BadgeTone } from "@tx/ui";

export const listingStatus: Record<TicketStatus, { label: string; tone: BadgeTone }> = {
  available: { label: "Available", tone: "success" },
  reserved: { label: "Reserved", tone: "warning" },
  sold: { label: "Sold", tone: "neutral" },
};

/** Why a listing in this status cannot be bought or changed, in the words a person reads. */
export const unavailableReason: Record<Exclude<TicketStatus, "available">, string> = {
  reserved:
    "A buyer is holding these tickets while they pay. If the hold ends unpaid, they are for sale again.",
  sold: "These tickets have been sold.",
};
