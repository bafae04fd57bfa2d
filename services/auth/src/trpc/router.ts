import {
  AuthSession,
  ChangePasswordInput,
  ConfirmRegistrationInput,
  PasswordResetRequested,
  RefreshInput,
  RegisterInput,
  RegistrationReceived,
  RequestPasswordResetInput,
  ResetPasswordInput,
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
import { changePassword } from "../procedures/change-password";
import { confirmRegistration } from "../procedures/confirm-registration";
import { me } from "../procedures/me";
import { refresh } from "../procedures/refresh";
import { register } from "../procedures/register";
import { requestPasswordReset } from "../procedures/request-password-reset";
import { resetPassword } from "../procedures/reset-password";
import { signIn } from "../procedures/sign-in";
import { signOut } from "../procedures/sign-out";

export const authRouter = router({
  system: systemRouter("auth", pkg.version),
  operator: operatorRouter("auth"),
  register: publicProcedure
    .input(RegisterInput)
    .output(RegistrationReceived)
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
  // Issue 18: registration by emailed link, password reset and change.
  confirmRegistration: publicProcedure
    .input(ConfirmRegistrationInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => confirmRegistration(ctx, input)),
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .output(PasswordResetRequested)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  resetPassword: publicProcedure
    .input(ResetPasswordInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),
  changePassword: authedProcedure
    .input(ChangePasswordInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});

export type AuthRouter = typeof authRouter;
