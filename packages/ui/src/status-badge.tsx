import { Badge } from "./badge";

export type StatusBadgeProps = { up: boolean };

export function StatusBadge({ up }: StatusBadgeProps) {
  return <Badge tone={up ? "success" : "danger"}>{up ? "up" : "down"}</Badge>;
}
