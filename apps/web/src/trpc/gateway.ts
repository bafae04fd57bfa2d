import type { TRPCBuiltRouter, TRPCDecorateCreateRouterOptions } from "@trpc/server";
import type { AuthRouter } from "@tx/auth/router";
import type { ExpirationRouter } from "@tx/expiration/router";
import type { NotificationsRouter } from "@tx/notifications/router";
import type { OrdersRouter } from "@tx/orders/router";
import type { PaymentsRouter } from "@tx/payments/router";
import type { TicketsRouter } from "@tx/tickets/router";

/** The services' routers by the name that prefixes their procedures: `tickets.system.health`. */
type ServiceRouters = {
  auth: AuthRouter;
  tickets: TicketsRouter;
  orders: OrdersRouter;
  payments: PaymentsRouter;
  expiration: ExpirationRouter;
  notifications: NotificationsRouter;
};

// All services use service-kit's one tRPC builder, so this union is a single root
// (context, error shape, no transformer); a service that diverged would make it a union.
type SharedRoot = ServiceRouters[keyof ServiceRouters]["_def"]["_config"]["$types"];

/**
 * Type only: the router `router({ auth: authRouter, tickets: ticketsRouter, ... })` would
 * have, had one server mounted all six. It never exists at runtime; links.ts sends each
 * call to its own service.
 */
export type Gateway = TRPCBuiltRouter<SharedRoot, TRPCDecorateCreateRouterOptions<ServiceRouters>>;
