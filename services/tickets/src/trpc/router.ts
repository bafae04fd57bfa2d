import { router, systemRouter } from "@tx/service-kit";

export const ticketsRouter = router({
  system: systemRouter("tickets"),
});

export type TicketsRouter = typeof ticketsRouter;
