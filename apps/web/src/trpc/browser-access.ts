import type { ServiceName } from "@tx/api-contracts";
import { authBrowserCallable } from "@tx/auth/browser";
import { expirationBrowserCallable } from "@tx/expiration/browser";
import { notificationsBrowserCallable } from "@tx/notifications/browser";
import { ordersBrowserCallable } from "@tx/orders/browser";
import { paymentsBrowserCallable } from "@tx/payments/browser";
import { ticketsBrowserCallable } from "@tx/tickets/browser";

// Private by default: each service declares beside its router what the browser may call
// (services/<name>/src/trpc/browser.ts); everything else is for this server alone.
const browserCallable: Record<ServiceName, ReadonlySet<string>> = {
  auth: authBrowserCallable,
  tickets: ticketsBrowserCallable,
  orders: ordersBrowserCallable,
  payments: paymentsBrowserCallable,
  expiration: expirationBrowserCallable,
  notifications: notificationsBrowserCallable,
};

/**
 * Whether the browser may call these procedures of a service through the same-origin proxy:
 * every one of them must be declared browser-callable. `procedures` is the path as sent:
 * URL-encoded, batched calls joined by ",".
 */
export function browserMayCall(service: ServiceName, procedures: string): boolean {
  let names: string[];
  try {
    names = decodeURIComponent(procedures).split(",");
  } catch {
    return false;
  }
  return names.every((name) => browserCallable[service].has(name));
}
