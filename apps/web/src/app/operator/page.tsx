import { type ServiceName, serviceNames } from "@tx/api-contracts";
import { ButtonLink, Notice, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { OperatorDeadLetters } from "@/components/operator-dead-letters";
import { type FiguresOf, OperatorFigures } from "@/components/operator-figures";
import { requireOperator } from "@/operator/access";
import { groupDeadLetters } from "@/operator/dead-letter-groups";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Operations", robots: { index: false } };

type Props = { searchParams: Promise<{ notice?: string; tone?: string }> };

const TIMEOUT_MS = 3_000;

/** The operator's view: the figures to alert on, the dead letters, and the queue's board. */
export default async function OperatorPage({ searchParams }: Props) {
  await requireOperator();
  const { notice, tone } = await searchParams;
  const services = await Promise.all(serviceNames.map(readService));
  const letters = services.flatMap((s) => ("letters" in s ? s.letters : []));
  const groups = groupDeadLetters(letters);
  return (
    <>
      <PageHeading
        title="Operations"
        description="What each service reports as this page loads: consumer lag, dead letters, outboxes, reconciler fixes and the expiration queue."
      />
      {notice ? (
        <Notice tone={tone === "danger" ? "danger" : "success"} role="status">
          {notice}
        </Notice>
      ) : null}
      <OperatorFigures services={services} />
      <OperatorDeadLetters groups={groups} />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">Expiration queue</h2>
        <p>
          Every hold&apos;s job in BullMQ (delayed, waiting, active, failed), with retry and remove.
        </p>
        {/* A full page load: the board is its own app, served through /operator/queues. */}
        <ButtonLink href="/operator/queues" variant="secondary">
          Open the queue board
        </ButtonLink>
      </section>
    </>
  );
}

async function readService(service: ServiceName): Promise<FiguresOf> {
  const api = await serverApi();
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const [overview, page] = await Promise.all([
      api[service].operator.overview.query(undefined, { signal }),
      api[service].operator.deadLetters.list.query({ limit: 100 }, { signal }),
    ]);
    return { service, overview, letters: page.items, total: page.total };
  } catch (err) {
    return {
      service,
      error: signal.aborted ? "No answer in time" : String((err as Error).message),
    };
  }
}
