import { createTRPCClient } from "@trpc/client";
import type { Gateway } from "@/trpc/gateway";
import { serviceLink } from "@/trpc/links";

/**
 * The browser's client for subscriptions, through the same-origin proxy. Loaded only once a
 * page with live listings has rendered (live-listings.tsx imports it lazily), so it is not
 * part of any page's first load.
 */
export const liveClient = createTRPCClient<Gateway>({
  links: [serviceLink({ url: (service) => `/api/trpc/${service}` })],
});
