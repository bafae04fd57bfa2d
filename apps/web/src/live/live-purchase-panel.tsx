"use client";

import type { Listing } from "@tx/api-contracts";
import { Button } from "@tx/ui";
import { PurchasePanel } from "@/components/purchase-panel";
import styles from "@/components/purchase-panel.module.css";
import { useLiveStatus } from "./live-listings";

type Props = { listing: Listing; viewerId: string | null };

/** The Purchase panel for the listing's status as it is now: it follows a hold, a sale, a release. */
export function LivePurchasePanel({ listing, viewerId }: Props) {
  const status = useLiveStatus(listing.id, listing.status);
  if (status === "deleted") {
    return (
      <div className={styles.panel}>
        <Button disabled className={styles.button}>
          Purchase
        </Button>
        <p className={styles.reason}>The seller has removed this listing.</p>
      </div>
    );
  }
  return <PurchasePanel listing={{ ...listing, status }} viewerId={viewerId} />;
}
