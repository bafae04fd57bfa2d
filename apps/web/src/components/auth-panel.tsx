import { PageHeading } from "@tx/ui";
import type { ReactNode } from "react";
import styles from "./auth-panel.module.css";

type Props = { title: string; description: string; children: ReactNode; footer: ReactNode };

/** The narrow, centred column of the sign-in and register pages. */
export function AuthPanel({ title, description, children, footer }: Props) {
  return (
    <div className={styles.panel}>
      <PageHeading title={title} description={description} />
      <div className={styles.surface}>{children}</div>
      <p className={styles.footer}>{footer}</p>
    </div>
  );
}
