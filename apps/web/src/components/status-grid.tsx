import type { ReactNode } from "react";
import styles from "./status-grid.module.css";

/** The status page's cards; shared with its loading state so nothing moves when data arrives. */
export function StatusGrid({ children }: { children: ReactNode }) {
  return <div className={styles.grid}>{children}</div>;
}
