import { operatorRouter, router, systemRouter } from "@tx/service-kit";
import pkg from "../../package.json" with { type: "json" };

export const notificationsRouter = router({
  system: systemRouter("notifications", pkg.version),
  operator: operatorRouter("notifications"),
});

export type NotificationsRouter = typeof notificationsRouter;
