import type { RefundReason } from "@tx/api-contracts";

/** Why the money went back, in plain words: a short label, the "because" clause, what it means. */
export function refundExplanation(reason: RefundReason): {
  label: string;
  because: string;
  outcome: string;
} {
  switch (reason) {
    case "order_expired":
      return {
        label: "Your hold had expired",
        because: "your hold on the tickets had expired before the payment arrived",
        outcome: "The tickets went back on sale, and the full amount is on its way back to you.",
      };
    case "order_cancelled":
      return {
        label: "The order was cancelled",
        because: "the order was cancelled before the payment arrived",
        outcome: "The full amount is on its way back to you.",
      };
    case "duplicate":
      return {
        label: "Duplicate payment",
        because: "the same order was paid twice",
        outcome: "This returns the second payment; your order and its tickets are unaffected.",
      };
    case "delivery_failed":
      return {
        label: "The tickets did not arrive",
        because: "the seller did not transfer the tickets by the deadline",
        outcome: "The order is closed, and the full amount is on its way back to you.",
      };
    case "requested":
      return {
        label: "You asked for a refund",
        because: "you asked for one",
        outcome: "The order is closed.",
      };
    case "listing_changed":
      return {
        label: "The listing changed",
        because: "the seller changed or removed the listing just as you bought it",
        outcome:
          "You were not sold anything at the old terms, and the full amount is on its way back to you.",
      };
  }
}

/** A header value on one line: no CR/LF from user-supplied names or titles. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
