import { browserCallable } from "@tx/service-kit/browser";
import type { OrdersRouter } from "./router";

/**
 * What the browser may call through the web app's proxy, beside the system procedures.
 * Nothing of its own: orders are read and changed on the server (server components and
 * server actions).
 */
export const ordersBrowserCallable = browserCallable<OrdersRouter>();
