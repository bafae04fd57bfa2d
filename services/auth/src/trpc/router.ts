import {
  AuthSession,
  RefreshInput,
  RegisterInput,
  SignInInput,
  UserProfile,
} from "@tx/api-contracts";
import {
  authedProcedure,
  operatorRouter,
  publicProcedure,
  router,
  systemRouter,
} from "@tx/service-kit";
import { z } from "zod";
import pkg from "../../package.json" with { type: "json" };
import { me } from "../procedures/me";
import { refresh } from "../procedures/refresh";
import { register } from "../procedures/register";
import { signIn } from "../procedures/sign-in";
import { signOut } from "../procedures/sign-out";

export const authRouter = router({
  system: systemRouter("auth", pkg.version),
  operator: operatorRouter("auth"),
  register: publicProcedure
    .input(RegisterInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => register(ctx, input)),
  signIn: publicProcedure
    .input(SignInInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  refresh: publicProcedure
    .input(RefreshInput)
    .output(AuthSession)
    .mutation(({ input }) => refresh(input)),
  signOut: publicProcedure
    .input(RefreshInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ input }) => signOut(input)),
  me: authedProcedure.output(UserProfile).query(({ ctx }) => me(ctx)),
});

export type AuthRouter = typeof authRouter;
