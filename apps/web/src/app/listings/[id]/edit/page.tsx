import { timeZoneNames } from "@tx/api-contracts";
import { ButtonLink, Notice, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/auth/session";
import { DeleteListing } from "@/components/delete-listing";
import { ListingForm } from "@/components/listing-form";
import { listingFormValues } from "@/listings/listing-form-schema";
import { getListing, getOwnListing } from "@/listings/queries";
import { unavailableReason } from "@/listings/status";
import styles from "./edit-page.module.css";

export const metadata: Metadata = { title: "Edit listing" };

type Props = { params: Promise<{ id: string }> };

export default async function EditListingPage({ params }: Props) {
  const session = await requireSession();
  const listing = await getListing((await params).id);
  const back = (
    <ButtonLink href={`/listings/${listing.id}`} as={Link} variant="secondary">
      Back to the listing
    </ButtonLink>
  );
  if (listing.sellerId !== session.user.id) {
    return (
      <>
        <PageHeading title="Edit listing" />
        <Notice tone="danger" title="Only the seller can edit this listing.">
          <div>{back}</div>
        </Notice>
      </>
    );
  }
  if (listing.status !== "available") {
    return (
      <>
        <PageHeading title="Edit listing" description={listing.eventName} />
        <Notice
          tone="warning"
          title={`This listing is ${listing.status} and can no longer be changed.`}
        >
          <p>{unavailableReason[listing.status]}</p>
          <div>{back}</div>
        </Notice>
      </>
    );
  }
  const { files } = await getOwnListing(listing.id);
  return (
    <>
      <PageHeading
        title="Edit listing"
        description="Changes show to buyers as soon as you save them."
      />
      <ListingForm
        listingId={listing.id}
        initial={listingFormValues(listing, files)}
        files={files}
        timeZones={timeZoneNames()}
      />
      <section className={styles.danger} aria-labelledby="delete-listing">
        <h2 id="delete-listing" className={styles.title}>
          Delete this listing
        </h2>
        <p className={styles.text}>It disappears from the listings at once.</p>
        <DeleteListing listingId={listing.id} eventName={listing.eventName} />
      </section>
    </>
  );
}
