import type { ServiceHealth, ServiceName } from "@tx/api-contracts";
import { formatDuration } from "@tx/api-contracts";
import { Card, StatusBadge } from "@tx/ui";
import styles from "./service-health-card.module.css";

/** A service's answer to system.health, or why it gave none. */
export type ServiceCheck =
  | { service: ServiceName; health: ServiceHealth }
  | { service: ServiceName; error: string };

export function ServiceHealthCard({ check }: { check: ServiceCheck }) {
  const title = serviceTitle(check.service);
  if ("error" in check) {
    return (
      <Card title={title} aside={<StatusBadge up={false} />}>
        <div>
          <h3 className={styles.subheading}>Not answering</h3>
          <p className={styles.error}>{check.error}</p>
        </div>
      </Card>
    );
  }
  const { health } = check;
  return (
    <Card title={title} aside={<StatusBadge up={health.ok} />}>
      <dl className={styles.facts}>
        <div>
          <dt>Version</dt>
          <dd>{health.version}</dd>
        </div>
        <div>
          <dt>Uptime</dt>
          <dd>{formatDuration(health.uptimeSeconds)}</dd>
        </div>
      </dl>
      <div>
        <h3 className={styles.subheading}>Dependencies</h3>
        {health.dependencies.length === 0 ? (
          <p className={styles.muted}>None</p>
        ) : (
          <ul className={styles.dependencies}>
            {health.dependencies.map((dep) => (
              <li key={dep.name} className={styles.dependency}>
                <span className={styles.name}>{dep.name}</span>
                <span className={styles.latency}>{dep.latencyMs} ms</span>
                <span className={dep.ok ? styles.ok : styles.failing}>
                  {dep.ok ? "ok" : "failing"}
                </span>
                {dep.error ? <span className={styles.error}>{dep.error}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export function serviceTitle(service: ServiceName): string {
  return service.charAt(0).toUpperCase() + service.slice(1);
}
