import { browserCallable } from "@tx/service-kit/browser";
import type { PaymentsRouter } from "./router";

/**
 * What the browser may call through the web app's proxy, beside the system procedures.
 * The checkout's sandbox card form and its 3-D Secure page, which call the payments service
 * from the browser as Stripe.js would call Stripe.
 */
export const paymentsBrowserCallable = browserCallable<PaymentsRouter>(
  "sandbox.confirm",
  "sandbox.authenticate",
);
