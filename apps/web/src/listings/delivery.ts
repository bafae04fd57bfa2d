import type { DeliveryMethod } from "@tx/api-contracts";

/** How a listing's tickets reach the buyer, as the listing page and search results say it. */
export const deliveryMethodLabel: Record<DeliveryMethod, string> = {
  download: "Instant download",
  transfer: "Transfer after purchase",
};

export const deliveryMethodDetail: Record<DeliveryMethod, string> = {
  download: "E-tickets to download from your order as soon as you have paid.",
  transfer:
    "The seller transfers the tickets to your account in the venue's app after the sale, before a deadline; if they do not, you are refunded in full.",
};
