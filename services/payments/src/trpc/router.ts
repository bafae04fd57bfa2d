import { router, systemRouter } from "@tx/service-kit";

export const paymentsRouter = router({
  system: systemRouter("payments"),
});

export type PaymentsRouter = typeof paymentsRouter;
