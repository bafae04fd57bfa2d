import type { DeliveryState, MyListing } from "@tx/api-contracts";
import type { BadgeTone } from "@tx/ui";
import { listingStatus } from "./status";

/** A sold listing's badge says where its delivery stands; any other listing, its status. */
export const deliveryBadge: Record<DeliveryState, { label: string; tone: BadgeTone }> = {
  ready: { label: "Sold", tone: "neutral" },
  transfer_requested: { label: "To transfer", tone: "warning" },
  transferred: { label: "Transferred", tone: "info" },
  confirmed: { label: "Delivered", tone: "success" },
  failed: { label: "Not delivered", tone: "danger" },
  disputed: { label: "Problem reported", tone: "danger" },
};

export function myListingBadge(listing: MyListing): { label: string; tone: BadgeTone } {
  return listing.sale ? deliveryBadge[listing.sale.state] : listingStatus[listing.status];
}
