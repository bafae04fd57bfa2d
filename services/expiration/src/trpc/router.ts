import { operatorRouter, router, systemRouter } from "@tx/service-kit";

export const expirationRouter = router({
  system: systemRouter("expiration"),
  operator: operatorRouter("expiration"),
});

export type ExpirationRouter = typeof expirationRouter;
