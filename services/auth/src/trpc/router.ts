import { router, systemRouter } from "@tx/service-kit";

export const authRouter = router({
  system: systemRouter("auth"),
});

export type AuthRouter = typeof authRouter;
