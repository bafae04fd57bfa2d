import {
  type ServiceHealth,
  ServiceHealth as ServiceHealthSchema,
  type ServiceName,
} from "@tx/api-contracts";
import { z } from "zod";
import { type ReadinessCheck, runChecks } from "./http";
import { authedProcedure, publicProcedure, router } from "./trpc";

const startedAt = Date.now();
const checks: ReadinessCheck[] = [];

/** Registers what readiness depends on (database, bus, redis); /readyz and system.health use it. */
export function registerReadinessCheck(check: ReadinessCheck): void {
  const existing = checks.findIndex((c) => c.name === check.name);
  if (existing >= 0) checks.splice(existing, 1, check);
  else checks.push(check);
}

export function readinessChecks(): ReadinessCheck[] {
  return checks;
}

export async function healthOf(service: ServiceName, version: string): Promise<ServiceHealth> {
  const dependencies = await runChecks(checks);
  return {
    service,
    ok: dependencies.every((d) => d.ok),
    version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    checkedAt: new Date().toISOString(),
    dependencies,
  };
}

/** The `system` sub-router every service mounts; `version` is its package.json's. */
export function systemRouter(service: ServiceName, version: string) {
  return router({
    health: publicProcedure.output(ServiceHealthSchema).query(() => healthOf(service, version)),
    /** Who this service believes the caller is: the token check, seen from each service. */
    whoami: authedProcedure
      .output(z.object({ id: z.string(), email: z.string(), name: z.string() }))
      .query(({ ctx }) => ctx.user),
  });
}
