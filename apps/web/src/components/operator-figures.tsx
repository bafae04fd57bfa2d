import type { DeadLetter, OperatorOverview, ServiceName } from "@tx/api-contracts";
import { formatDuration } from "@tx/api-contracts";
import styles from "./operator.module.css";
import { serviceTitle } from "./service-health-card";

export type FiguresOf =
  | { service: ServiceName; overview: OperatorOverview; letters: DeadLetter[]; total: number }
  | { service: ServiceName; error: string };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** One row per service: the figures the README suggests alerting on. */
export function OperatorFigures({ services }: { services: FiguresOf[] }) {
  return (
    <section aria-labelledby="figures-title" className={styles.section}>
      <h2 id="figures-title">Figures to alert on</h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Consumers</th>
              <th scope="col">Pending</th>
              <th scope="col">Unacked</th>
              <th scope="col">Redelivered</th>
              <th scope="col">Dead letters</th>
              <th scope="col">Outbox</th>
              <th scope="col">Oldest in outbox</th>
              <th scope="col">Reconciler fixes</th>
              <th scope="col">Queue jobs</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <FiguresRow key={s.service} figures={s} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FiguresRow({ figures }: { figures: FiguresOf }) {
  const title = <th scope="row">{serviceTitle(figures.service)}</th>;
  if ("error" in figures) {
    return (
      <tr>
        {title}
        <td colSpan={9} className={styles.bad}>
          Not answering: {figures.error}
        </td>
      </tr>
    );
  }
  const o = figures.overview;
  const queue = o.queues[0];
  const fixes = sum(o.reconcilerFixes.map((f) => f.count));
  const flag = (bad: boolean) => (bad ? styles.bad : undefined);
  return (
    <tr>
      {title}
      <td className={flag(o.paused)}>
        {o.paused ? "paused (database unreachable)" : `${o.consumers.length} running`}
      </td>
      <td>{sum(o.consumers.map((c) => c.pending))}</td>
      <td>{sum(o.consumers.map((c) => c.ackPending))}</td>
      <td>{sum(o.consumers.map((c) => c.redelivered))}</td>
      <td className={flag(o.deadLetters > 0)}>{o.deadLetters}</td>
      <td>{o.outbox.pending}</td>
      <td className={flag((o.outbox.oldestAgeSeconds ?? 0) > 60)}>
        {o.outbox.oldestAgeSeconds === null ? "none" : formatDuration(o.outbox.oldestAgeSeconds)}
      </td>
      <td title={o.reconcilerFixes.map((f) => `${f.kind}: ${f.count}`).join(", ")}>{fixes}</td>
      <td className={[styles.wraps, flag((queue?.failed ?? 0) > 0)].filter(Boolean).join(" ")}>
        {queue
          ? `${queue.delayed} delayed, ${queue.waiting} waiting, ${queue.failed} failed`
          : "none"}
        {o.unavailable.length > 0 ? ` (unread: ${o.unavailable.join(", ")})` : ""}
      </td>
    </tr>
  );
}
