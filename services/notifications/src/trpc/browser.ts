import { browserCallable } from "@tx/service-kit/browser";
import type { NotificationsRouter } from "./router";

/**
 * What the browser may call through the web app's proxy, beside the system procedures.
 * Nothing of its own (it has no procedures but the system ones).
 */
export const notificationsBrowserCallable = browserCallable<NotificationsRouter>();
