import type { Delivery, MyListing } from "@tx/api-contracts";
import { Badge, ButtonLink, Card, DateTime, formatMoney, Skeleton } from "@tx/ui";
import Link from "next/link";
import { deliveryMethodLabel } from "@/listings/delivery";
import { deliveryBadge } from "@/listings/sale-status";
import { listingStatus } from "@/listings/status";
import { serverApi } from "@/trpc/server";
import { DeleteListing } from "./delete-listing";
import { ReportTransferForm } from "./delivery-actions";
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

function MyListingRow({ listing }: { listing: MyListing }) {
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
        <p className={styles.meta}>
          {deliveryMethodLabel[listing.delivery.method]}
          {listing.delivery.method === "download"
            ? ` · ${listing.delivery.files} ${listing.delivery.files === 1 ? "file" : "files"}`
            : ""}
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
      {listing.sale ? (
        <div className={styles.sale}>
          <p className={styles.saleState}>
            <Badge tone={deliveryBadge[listing.sale.state].tone}>
              {deliveryBadge[listing.sale.state].label}
            </Badge>
          </p>
          <SaleDelivery listing={listing} sale={listing.sale} />
        </div>
      ) : null}
    </article>
  );
}

/** Where a sold listing's delivery stands, and what the seller still has to do. */
function SaleDelivery({ listing, sale }: { listing: MyListing; sale: Delivery }) {
  const to = sale.buyerEmail ? <strong>{sale.buyerEmail}</strong> : "the buyer";
  switch (sale.state) {
    case "transfer_requested":
      return (
        <>
          <p>
            Transfer these tickets to {to} by{" "}
            <strong>
              <DateTime value={sale.deadline ?? ""} />
            </strong>{" "}
            in the venue's or promoter's app, then tell us here. Not reported by then, the sale is
            cancelled and the buyer refunded.
          </p>
          <ReportTransferForm ticketId={listing.id} eventName={listing.eventName} />
        </>
      );
    case "transferred":
      return (
        <p>
          You reported the transfer to {to} (reference: <strong>{sale.reference}</strong>); the
          buyer confirms when the tickets arrive.
        </p>
      );
    case "ready":
      return <p>The buyer can download the e-tickets from their order.</p>;
    case "confirmed":
      return (
        <p>
          {sale.confirmedHow === "downloaded"
            ? "The buyer has downloaded the e-tickets."
            : sale.confirmedHow === "buyer_confirmed"
              ? "The buyer confirmed the tickets arrived."
              : "Delivered: nobody reported a problem."}
        </p>
      );
    case "failed":
      return (
        <p>
          The transfer was not reported by <DateTime value={sale.deadline ?? ""} />: the sale was
          cancelled and the buyer refunded in full.
        </p>
      );
    case "disputed":
      return (
        <p>
          The buyer reported a problem: “{sale.problem}”. The sale is on hold until it is resolved.
        </p>
      );
  }
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
