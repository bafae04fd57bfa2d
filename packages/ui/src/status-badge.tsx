export type StatusBadgeProps = { up: boolean };

export function StatusBadge({ up }: StatusBadgeProps) {
  return <span className={`tx-badge tx-badge--${up ? "up" : "down"}`}>{up ? "up" : "down"}</span>;
}
