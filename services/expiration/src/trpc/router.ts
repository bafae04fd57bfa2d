import { operatorRouter, router, systemRouter } from "@tx/service-kit";
import pkg from "../../package.json" with { type: "json" };

export const expirationRouter = router({
  system: systemRouter("expiration", pkg.version),
  operator: operatorRouter("expiration"),
});

export type ExpirationRouter = typeof expirationRouter;
