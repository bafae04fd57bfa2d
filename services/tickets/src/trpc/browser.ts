import { browserCallable } from "@tx/service-kit/browser";
import type { TicketsRouter } from "./router";

/**
 * What the browser may call through the web app's proxy, beside the system procedures.
 * Nothing of its own: every page reads and writes listings on the server (server components
 * and server actions).
 */
export const ticketsBrowserCallable = browserCallable<TicketsRouter>();
