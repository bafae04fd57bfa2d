import { defineDomainErrors } from "@tx/service-kit";

/** What the payments service refuses with, beyond service-kit's common errors. */
export const paymentErrors = defineDomainErrors({
  LISTING_CHANGED: {
    code: "CONFLICT",
    message: "The seller changed or removed this listing as you bought it.",
  },
  PAYOUTS_NEED_NO_ACCOUNT: {
    code: "PRECONDITION_FAILED",
    message: "Payouts here are recorded by the sandbox: there is no payout account to set up.",
  },
});
