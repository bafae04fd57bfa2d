import type { Listing } from "@tx/api-contracts";
import { Skeleton } from "@tx/ui";
import { ListingCard } from "./listing-card";
import cardStyles from "./listing-card.module.css";
import styles from "./listing-grid.module.css";
import resultStyles from "./listing-results.module.css";

/** Listing cards as a list; its skeleton below has the same grid, so nothing moves on arrival. */
export function ListingGrid({
  listings,
  label,
  headingLevel,
}: {
  listings: readonly Listing[];
  label: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <ul className={styles.grid} aria-label={label}>
      {listings.map((listing) => (
        <li key={listing.id}>
          <ListingCard listing={listing} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

/** Placeholder cards the size of real ones (same paddings and line heights). */
export function ListingGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div className={styles.grid} aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <div key={i} className={cardStyles.card}>
          <Skeleton height="1.4625rem" width="70%" />
          <Skeleton height="1.3125rem" width="55%" />
          <Skeleton height="1.3125rem" width="80%" />
          <div className={cardStyles.numbers}>
            <Skeleton height="2.8125rem" width="3.5rem" />
            <Skeleton height="2.8125rem" />
            <Skeleton height="2.8125rem" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** The results area while loading: the summary line and a page of placeholder cards. */
export function ListingResultsSkeleton() {
  return (
    <>
      <p className={resultStyles.summary}>
        <Skeleton height="1.3125rem" width="12rem" />
      </p>
      <ListingGridSkeleton />
    </>
  );
}
