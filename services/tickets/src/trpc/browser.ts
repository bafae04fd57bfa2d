import { browserCallable } from "@tx/service-kit/browser";
import type { TicketsRouter } from "./router";

/**
 * What the browser may call through the web app's proxy, beside the system procedures.
 * Pages read and write listings on the server (server components and server actions); the
 * browser itself only follows an open page's listings as they change (live availability).
 */
export const ticketsBrowserCallable = browserCallable<TicketsRouter>("live");
