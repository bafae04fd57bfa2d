import type { ReactNode } from "react";

export type BadgeTone = "success" | "warning" | "danger" | "info" | "neutral";

export type BadgeProps = { tone: BadgeTone; children: ReactNode };

/** A status word in a pill: the word carries the meaning, the colour repeats it. */
export function Badge({ tone, children }: BadgeProps) {
  return <span className={`tx-badge tx-badge--${tone}`}>{children}</span>;
}
