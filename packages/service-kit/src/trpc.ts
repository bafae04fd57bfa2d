import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError } from "./errors";
import type { Logger } from "./logger";

/** What a caller is, once their access token has been verified. Nothing else is trusted. */
export type AuthUser = { id: string; email: string; name: string };

export type Context = {
  user: AuthUser | null;
  log: Logger;
  requestId: string;
  /** The end user's address through the trusted proxies (clientAddressOf), for throttling. */
  clientIp: string | null;
};

const t = initTRPC.context<Context>().create({
  // The formatter below never sends a stack; this also spares building one for every error.
  isDev: false,
  // Subscriptions (server-sent events): a comment every 15 s keeps proxies from closing a
  // quiet stream, and tells the client it is alive; without one for 45 s it reconnects.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 45_000 },
  },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((i) => [i.path.join(".") || "_", i.message]))
        : cause instanceof DomainError
          ? (cause.fields ?? null)
          : null;
    return {
      ...shape,
      message:
        error.code === "INTERNAL_SERVER_ERROR"
          ? "Something went wrong on our side."
          : error.code === "PAYLOAD_TOO_LARGE"
            ? "The request body is too large."
            : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        retryAfterSeconds: cause instanceof DomainError ? (cause.retryAfterSeconds ?? null) : null,
      },
    };
  },
});

/**
 * Maps domain errors thrown by handlers to tRPC errors. What is unexpected (an internal
 * error) is logged once, by the HTTP server's onError (http.ts), which sees every call.
 */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError("UNAUTHENTICATED");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export type AuthedContext = Context & { user: AuthUser };
