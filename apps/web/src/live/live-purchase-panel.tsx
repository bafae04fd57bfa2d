"use client";

import type { Listing } from "@tx/api-contracts";
import { ButtonLink, formatMoney, Notice } from "@tx/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { PurchasePanel } from "@/components/purchase-panel";
import styles from "@/components/purchase-panel.module.css";
import type { PurchaseState } from "@/listings/actions";
import { useLiveState, useReportLive } from "./live-listings";

type Props = {
  listing: Listing;
  viewerId: string | null;
  /** The viewer's own order holding the listing (read on the server), if they hold it. */
  heldOrderId: string | null;
};

/**
 * The Purchase panel for the listing's status as it is now: it follows a hold, a sale, a
 * release, a new price, a removal. While this viewer's own Purchase runs, the hold the
 * stream reports is theirs: the form stays (showing its progress) until the checkout opens,
 * instead of giving way to "a buyer is holding these tickets" and unmounting the form whose
 * action is still answering.
 */
export function LivePurchasePanel({ listing, viewerId, heldOrderId }: Props) {
  const state = useLiveState(listing.id);
  const report = useReportLive();
  const router = useRouter();
  const [purchasing, setPurchasing] = useState(false);
  // A refused Purchase ("just reserved by someone else") ends the pending state, and the
  // stream's status then replaces the form: its message is kept beside that status.
  const [refusal, setRefusal] = useState<string | null>(null);
  // The price the page first showed (all-in, as buyers pay): a later one is a change to tell of.
  const [firstPrice] = useState(listing.buyerPrice);
  const onRefused = useCallback(
    (refused: PurchaseState) => {
      setRefusal(refused.message);
      // The listing as the refusal found it: the badge and this panel follow it.
      if (refused.listing) report(refused.listing);
    },
    [report],
  );

  // Newer than the page: its price card and whose hold it is are the server's to say again.
  const newer = state && state.version > listing.version && state.status !== "deleted";
  const reread =
    newer &&
    !purchasing &&
    ((state.price !== undefined && state.price.amount !== listing.price.amount) ||
      (state.status === "reserved" && viewerId !== null && viewerId !== listing.sellerId));
  useEffect(() => {
    if (reread) router.refresh();
  }, [reread, router]);

  const status = purchasing ? "available" : (state?.status ?? listing.status);
  if (status === "deleted") {
    return (
      <div className={styles.panel}>
        <Notice tone="warning" role="status" title="The seller removed this listing">
          <p>These tickets are no longer for sale.</p>
        </Notice>
        <ButtonLink href="/" as={Link} variant="secondary">
          Back to the listings
        </ButtonLink>
      </div>
    );
  }
  // The stream's prices are the seller's: the buyer's own are the page's once it re-read them.
  const repriced = listing.buyerPrice.amount !== firstPrice.amount;
  return (
    <div>
      {/* Always there, so that a screen reader hears the notice when it appears. */}
      <div role="status" className={styles.notice}>
        {repriced ? (
          <Notice tone="warning" title="The price changed">
            <p>
              The price changed from {formatMoney(firstPrice)} to {formatMoney(listing.buyerPrice)}{" "}
              a ticket: check the new total, {formatMoney(listing.buyerTotal)}.
            </p>
          </Notice>
        ) : null}
      </div>
      <PurchasePanel
        listing={{ ...listing, status }}
        viewerId={viewerId}
        // A hold newer than the page may be someone else's, until the page is read again.
        heldOrderId={newer ? null : heldOrderId}
        onPurchasePending={setPurchasing}
        refusal={refusal}
        onPurchaseRefused={onRefused}
      />
    </div>
  );
}
