import type { ReactNode } from "react";
import { ButtonLink } from "./button-link";
import type { LinkComponent } from "./link";

export type PagerProps = {
  previousHref?: string | null;
  nextHref?: string | null;
  /** Where the reader is, e.g. "Page 2". */
  status?: ReactNode;
  label?: string;
  as?: LinkComponent;
};

/** Previous / next links for cursor pagination; a missing href leaves its side empty. */
export function Pager({ previousHref, nextHref, status, label = "Pages", as }: PagerProps) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="tx-pager">
      <div className="tx-pager__side">
        {previousHref ? (
          <ButtonLink href={previousHref} as={as} variant="secondary">
            <span aria-hidden="true">←</span> Previous
          </ButtonLink>
        ) : null}
      </div>
      {status ? <p className="tx-pager__status">{status}</p> : null}
      <div className="tx-pager__side tx-pager__side--end">
        {nextHref ? (
          <ButtonLink href={nextHref} as={as} variant="secondary">
            Next page <span aria-hidden="true">→</span>
          </ButtonLink>
        ) : null}
      </div>
    </nav>
  );
}
