import type { ReactNode } from "react";
import { cx } from "./cx";

export type Fact = { term: ReactNode; detail: ReactNode; key?: string };

export type FactsProps = { items: readonly (Fact | false | null | undefined)[]; wide?: boolean };

/** Term and detail pairs in a grid that reflows from one column on phones to several. */
export function Facts({ items, wide = false }: FactsProps) {
  return (
    <dl className={cx("tx-facts", wide && "tx-facts--wide")}>
      {items
        .filter((item): item is Fact => Boolean(item))
        .map((item, i) => (
          <div key={item.key ?? i} className="tx-facts__item">
            <dt>{item.term}</dt>
            <dd>{item.detail}</dd>
          </div>
        ))}
    </dl>
  );
}
