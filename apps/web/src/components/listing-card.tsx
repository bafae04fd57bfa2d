import type { Listing } from "@tx/api-contracts";
import { DateTime, formatMoney } from "@tx/ui";
import Link from "next/link";
import { deliveryMethodLabel } from "@/listings/delivery";
import { LiveStatusBadge } from "@/live/live-status";
import styles from "./listing-card.module.css";

/**
 * A listing in a grid: the whole card is one link (its title), the numbers a buyer compares,
 * and its status, which follows the listing live on a page that follows it (LiveListings).
 */
export function ListingCard({
  listing,
  headingLevel = 2,
}: {
  listing: Listing;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={styles.card}>
      <Heading className={styles.title}>
        <Link href={`/listings/${listing.id}`} className={styles.link}>
          {listing.eventName}
        </Link>
      </Heading>
      <p className={styles.when}>
        <DateTime value={listing.eventDate} timeZone={listing.timeZone} />
      </p>
      <p className={styles.where}>
        {listing.venue} · {listing.city}
      </p>
      <p className={styles.delivery}>{deliveryMethodLabel[listing.delivery.method]}</p>
      <p className={styles.status}>
        <LiveStatusBadge id={listing.id} status={listing.status} />
      </p>
      <dl className={styles.numbers}>
        <div>
          <dt>Tickets</dt>
          <dd>{listing.quantity}</dd>
        </div>
        <div>
          <dt>Per ticket</dt>
          <dd>{formatMoney(listing.buyerPrice)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd className={styles.total}>{formatMoney(listing.buyerTotal)}</dd>
        </div>
      </dl>
    </article>
  );
}
