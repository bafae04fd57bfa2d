import { router, systemRouter } from "@tx/service-kit";

export const ordersRouter = router({
  system: systemRouter("orders"),
});

export type OrdersRouter = typeof ordersRouter;
