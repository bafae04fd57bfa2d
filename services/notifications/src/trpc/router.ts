import { operatorRouter, router, systemRouter } from "@tx/service-kit";

export const notificationsRouter = router({
  system: systemRouter("notifications"),
  operator: operatorRouter("notifications"),
});

export type NotificationsRouter = typeof notificationsRouter;
