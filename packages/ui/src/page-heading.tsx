import type { ReactNode } from "react";

export type PageHeadingProps = { title: ReactNode; description?: ReactNode };

export function PageHeading({ title, description }: PageHeadingProps) {
  return (
    <div className="tx-page-heading">
      <h1 className="tx-page-heading__title">{title}</h1>
      {description ? <p className="tx-page-heading__description">{description}</p> : null}
    </div>
  );
}
