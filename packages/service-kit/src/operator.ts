import type http from "node:http";
import {
  DeadLetterListInput,
  DeadLetterPage,
  DeadLetterSeqInput,
  DiscardResult,
  OperatorOverview,
  ReplayDeadLetterInput,
  ReplayResult,
  type ServiceName,
} from "@tx/api-contracts";
import type { Authenticate } from "./auth";
import { discardDeadLetter, listDeadLetters, replayDeadLetter } from "./dead-letters";
import { DomainError } from "./errors";
import type { RawRoute } from "./http";
import { operationsRuntime, overview } from "./operations";
import { type AuthUser, publicProcedure, router } from "./trpc";

let operators = new Set<string>();

/** Done once by startService, from the service's own settings. */
export function setOperators(emails: readonly string[]): void {
  operators = new Set(emails.map((e) => e.toLowerCase()));
}

export function isOperator(user: AuthUser | null): user is AuthUser {
  return !!user && operators.has(user.email.toLowerCase());
}

/**
 * For operators only. To anyone else, signed in or not, the procedure does not exist:
 * NOT_FOUND, the same answer as for a name that is not there.
 */
export const operatorProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!isOperator(ctx.user)) throw new DomainError("NOT_FOUND");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * A raw HTTP route for operators only (the expiration queue's board): the bearer token is
 * verified like a procedure's, and anyone else gets a 404 that names nothing.
 */
export function operatorOnly(authenticate: Authenticate, listener: http.RequestListener): RawRoute {
  return async (req, res) => {
    const user = await authenticate(req.headers.authorization);
    if (!isOperator(user)) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not found" }));
      return;
    }
    listener(req, res);
  };
}

/** The `operator` sub-router every service mounts. */
export function operatorRouter(service: ServiceName) {
  const bus = () => operationsRuntime().bus;
  return router({
    overview: operatorProcedure.output(OperatorOverview).query(() => overview()),
    deadLetters: router({
      list: operatorProcedure
        .input(DeadLetterListInput)
        .output(DeadLetterPage)
        .query(({ input }) => listDeadLetters(bus(), service, input.limit)),
      replay: operatorProcedure
        .input(ReplayDeadLetterInput)
        .output(ReplayResult)
        .mutation(({ input, ctx }) => {
          ctx.log.warn({ seq: input.seq, by: ctx.user.email }, "dead letter replayed");
          return replayDeadLetter(bus(), service, input.seq, input.payload);
        }),
      discard: operatorProcedure
        .input(DeadLetterSeqInput)
        .output(DiscardResult)
        .mutation(({ input, ctx }) => {
          ctx.log.warn({ seq: input.seq, by: ctx.user.email }, "dead letter discarded");
          return discardDeadLetter(bus(), service, input.seq);
        }),
    }),
  });
}
