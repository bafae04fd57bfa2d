import { router, systemRouter } from "@tx/service-kit";

export const expirationRouter = router({
  system: systemRouter("expiration"),
});

export type ExpirationRouter = typeof expirationRouter;
