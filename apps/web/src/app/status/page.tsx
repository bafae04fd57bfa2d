import { type ServiceName, serviceNames } from "@tx/api-contracts";
import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { type ServiceCheck, ServiceHealthCard } from "@/components/service-health-card";
import { StatusGrid } from "@/components/status-grid";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Status" };

const TIMEOUT_MS = 3_000;

export default async function StatusPage() {
  const checks = await Promise.all(serviceNames.map(checkService));
  const up = checks.filter((c) => "health" in c && c.health.ok).length;
  return (
    <>
      <PageHeading
        title="System status"
        description={`${up} of ${checks.length} services up. Each one is asked for its health as this page loads.`}
      />
      <StatusGrid>
        {checks.map((check) => (
          <ServiceHealthCard key={check.service} check={check} />
        ))}
      </StatusGrid>
    </>
  );
}

async function checkService(service: ServiceName): Promise<ServiceCheck> {
  const api = await serverApi();
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    return { service, health: await api[service].system.health.query(undefined, { signal }) };
  } catch (err) {
    return {
      service,
      error: signal.aborted ? `No answer within ${TIMEOUT_MS / 1000} s` : rootCause(err),
    };
  }
}

/** The innermost cause is the useful part: "fetch failed" hides "connect ECONNREFUSED ...". */
function rootCause(err: unknown): string {
  let cause: unknown = err;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}
