import { router, systemRouter } from "@tx/service-kit";

export const notificationsRouter = router({
  system: systemRouter("notifications"),
});

export type NotificationsRouter = typeof notificationsRouter;
