/**
 * Private by default: the web app's same-origin proxy forwards a browser's call only to a
 * procedure its service declares here (each service's src/trpc/browser.ts). This module has
 * no runtime imports, so the web app can read the lists without any server code.
 */
import type { AnyTRPCProcedure, AnyTRPCRouter, TRPCRouterRecord } from "@trpc/server";

type PathsOf<Record, Prefix extends string = ""> = {
  [K in keyof Record & string]: Record[K] extends AnyTRPCProcedure
    ? `${Prefix}${K}`
    : Record[K] extends TRPCRouterRecord
      ? PathsOf<Record[K], `${Prefix}${K}.`>
      : never;
}[keyof Record & string];

/** Every procedure of a router by its dotted path: "list", "sandbox.confirm", "system.health". */
export type ProcedurePath<R extends AnyTRPCRouter> = PathsOf<R["_def"]["record"]>;

/**
 * The system router's procedures, callable from the browser on every service: the health a
 * status check reads, and who the service takes the signed-in caller to be.
 */
const systemProcedures = ["system.health", "system.whoami"] as const;

/** A service's browser-callable procedures: the system ones and `paths`, checked against `R`. */
export function browserCallable<R extends AnyTRPCRouter>(
  ...paths: ProcedurePath<R>[]
): ReadonlySet<string> {
  return new Set<string>([...systemProcedures, ...paths]);
}
