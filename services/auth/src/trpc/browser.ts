import { browserCallable } from "@tx/service-kit/browser";
import type { AuthRouter } from "./router";

/**
 * What the browser may call through the web app's proxy, beside the system procedures.
 * Nothing of its own: register, sign-in, refresh and sign-out take or hand out tokens, which
 * only the web server may hold (in the session cookie); me is read server-side.
 */
export const authBrowserCallable = browserCallable<AuthRouter>();
