import { type ReactNode, useId } from "react";

export type CardProps = {
  title: ReactNode;
  /** Shown at the end of the title row, e.g. a StatusBadge. */
  aside?: ReactNode;
  children?: ReactNode;
  headingLevel?: 2 | 3;
};

/** A titled surface; it is a landmark region named by its title. */
export function Card({ title, aside, children, headingLevel = 2 }: CardProps) {
  const titleId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="tx-card" aria-labelledby={titleId}>
      <div className="tx-card__header">
        <Heading id={titleId} className="tx-card__title">
          {title}
        </Heading>
        {aside}
      </div>
      {children}
    </section>
  );
}
