/**
 * Compile-time check that test-kit's purchase steps, typed by the contracts, match the
 * services' routers: a renamed procedure or a changed input or output breaks this file's
 * typecheck. (test-kit cannot import the routers itself; the services import test-kit.)
 */
import type { TRPCClient } from "@trpc/client";
import type { AuthRouter } from "@tx/auth/router";
import type { OrdersRouter } from "@tx/orders/router";
import type { AuthSteps, OrdersSteps, TicketsSteps } from "@tx/test-kit";
import type { TicketsRouter } from "@tx/tickets/router";

type Fits<Client, Steps> = Client extends Steps ? true : false;

export const stepsFitTheRouters: [
  Fits<TRPCClient<AuthRouter>, AuthSteps>,
  Fits<TRPCClient<TicketsRouter>, TicketsSteps>,
  Fits<TRPCClient<OrdersRouter>, OrdersSteps>,
] = [true, true, true];
