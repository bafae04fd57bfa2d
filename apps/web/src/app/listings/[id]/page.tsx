import type { Listing } from "@tx/api-contracts";
import { Card, DateTime, Facts, formatMoney, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getSession } from "@/auth/session";
import { SellerListings } from "@/components/seller-listings";
import { deliveryMethodDetail, deliveryMethodLabel } from "@/listings/delivery";
import { priceVsFaceValue } from "@/listings/price";
import { getListing, getOwnHold } from "@/listings/queries";
import { LiveListings } from "@/live/live-listings";
import { LivePurchasePanel } from "@/live/live-purchase-panel";
import { LiveStatusBadge } from "@/live/live-status";
import styles from "./listing-page.module.css";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getListing((await params).id)).eventName };
}

export default async function ListingPage({ params }: Props) {
  const { id } = await params;
  const [listing, session] = await Promise.all([getListing(id), getSession()]);
  // Whose hold it is: the viewer's own leads to their checkout, not "a buyer is holding".
  const heldOrderId =
    session && listing.status === "reserved" && listing.sellerId !== session.user.id
      ? await getOwnHold(listing.id)
      : null;
  // The price card's Purchase and the status badge follow the listing live.
  return (
    <LiveListings ids={[listing.id]}>
      <p className={styles.back}>
        <Link href="/">
          <span aria-hidden="true">← </span>All listings
        </Link>
      </p>
      <PageHeading
        title={listing.eventName}
        description={
          <>
            <DateTime value={listing.eventDate} timeZone={listing.timeZone} /> · {listing.venue},{" "}
            {listing.city}
          </>
        }
      />
      <div className={styles.layout}>
        {/* Price and Purchase first: on a phone they come before the details. */}
        <div className={styles.price}>
          <Card title="Price">
            <dl className={styles.prices}>
              <div>
                <dt>Price per ticket</dt>
                <dd>
                  {formatMoney(listing.buyerPrice)}
                  {listing.buyerFee.amount > 0 ? (
                    <span className={styles.comparison}>
                      includes a {formatMoney(listing.buyerFee)} service fee
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>Face value per ticket</dt>
                <dd>
                  {formatMoney(listing.faceValue)}
                  <span className={styles.comparison}>
                    {priceVsFaceValue(listing.price.amount, listing.faceValue.amount)}
                  </span>
                </dd>
              </div>
              <div className={styles.total}>
                <dt>
                  Total for {listing.quantity} {listing.quantity === 1 ? "ticket" : "tickets"}
                </dt>
                <dd>{formatMoney(listing.buyerTotal)}</dd>
              </div>
            </dl>
            <LivePurchasePanel
              listing={listing}
              viewerId={session?.user.id ?? null}
              heldOrderId={heldOrderId}
            />
          </Card>
        </div>
        <div className={styles.details}>
          <Card
            title="The tickets"
            aside={<LiveStatusBadge id={listing.id} status={listing.status} />}
          >
            <Facts items={detailFacts(listing)} />
            {listing.note ? (
              <div className={styles.note}>
                <h3 className={styles.noteTitle}>From the seller</h3>
                <p>{listing.note}</p>
              </div>
            ) : null}
          </Card>
        </div>
      </div>
      <Suspense fallback={null}>
        <SellerListings listing={listing} />
      </Suspense>
    </LiveListings>
  );
}

function detailFacts(listing: Listing) {
  return [
    {
      term: "Date and time",
      detail: <DateTime value={listing.eventDate} timeZone={listing.timeZone} />,
    },
    { term: "Venue", detail: listing.venue },
    { term: "City", detail: listing.city },
    listing.section ? { term: "Section", detail: listing.section } : null,
    listing.row ? { term: "Row", detail: listing.row } : null,
    listing.seats ? { term: "Seats", detail: listing.seats } : null,
    {
      term: "Tickets",
      detail: `${listing.quantity}, sold together`,
    },
    {
      term: "Delivery",
      detail: (
        <>
          <strong>{deliveryMethodLabel[listing.delivery.method]}</strong>
          <br />
          {deliveryMethodDetail[listing.delivery.method]}
        </>
      ),
    },
    { term: "Seller", detail: listing.sellerName },
  ];
}
