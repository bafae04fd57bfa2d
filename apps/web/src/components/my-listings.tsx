import type { Listing } from "@tx/api-contracts";
import { Badge, ButtonLink, Card, DateTime, formatMoney, Skeleton } from "@tx/ui";
import Link from "next/link";
import { listingStatus } from "@/listings/status";
import { serverApi } from "@/trpc/server";
import { DeleteListing } from "./delete-listing";
import styles from "./my-listings.module.css";

const lockedBecause = {
  reserved: "A buyer is holding it: it cannot be changed while they pay.",
  sold: "Sold: it can no longer be changed.",
} as const;

/** The seller's listings in every status; edit and delete only where the service allows. */
export async function MyListings() {
  const listings = await (await serverApi()).tickets.mine.query();
  return (
    <>
      <p className={styles.toolbar}>
        <ButtonLink href="/sell" as={Link}>
          Sell tickets
        </ButtonLink>
      </p>
      {listings.length === 0 ? (
        <Card title="Nothing listed yet">
          <p>Tickets you list for sale appear here, with their status.</p>
        </Card>
      ) : (
        <ul className={styles.list} aria-label="Your listings">
          {listings.map((listing) => (
            <li key={listing.id}>
              <MyListingRow listing={listing} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MyListingRow({ listing }: { listing: Listing }) {
  const status = listingStatus[listing.status];
  return (
    <article className={styles.row}>
      <div className={styles.main}>
        <h2 className={styles.title}>
          <Link href={`/listings/${listing.id}`}>{listing.eventName}</Link>
        </h2>
        <p className={styles.meta}>
          <DateTime value={listing.eventDate} timeZone={listing.timeZone} /> · {listing.venue},{" "}
          {listing.city}
        </p>
        <p className={styles.meta}>
          {listing.quantity} × {formatMoney(listing.price)} ={" "}
          <strong className={styles.total}>{formatMoney(listing.total)}</strong>
        </p>
      </div>
      <div className={styles.status}>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <div className={styles.actions}>
        {listing.status === "available" ? (
          <>
            <ButtonLink
              href={`/listings/${listing.id}/edit`}
              as={Link}
              variant="secondary"
              size="small"
            >
              Edit<span className="tx-visually-hidden"> {listing.eventName}</span>
            </ButtonLink>
            <DeleteListing listingId={listing.id} eventName={listing.eventName} size="small" />
          </>
        ) : (
          <p className={styles.locked}>{lockedBecause[listing.status]}</p>
        )}
      </div>
    </article>
  );
}

export function MyListingsSkeleton() {
  return (
    <div className={styles.list} aria-hidden="true">
      <p className={styles.toolbar}>
        <Skeleton height="2.75rem" width="8rem" />
      </p>
      {[0, 1, 2].map((i) => (
        <div key={i} className={styles.row}>
          <div className={styles.main}>
            <Skeleton height="1.4625rem" width="60%" />
            <Skeleton height="1.3125rem" width="80%" />
            <Skeleton height="1.3125rem" width="40%" />
          </div>
        </div>
      ))}
    </div>
  );
}
