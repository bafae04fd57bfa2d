"use client";

import type { Listing } from "@tx/api-contracts";
import { Button } from "@tx/ui";
import { useState } from "react";
import { PurchasePanel } from "@/components/purchase-panel";
import styles from "@/components/purchase-panel.module.css";
import { useLiveStatus } from "./live-listings";

type Props = { listing: Listing; viewerId: string | null };

/**
 * The Purchase panel for the listing's status as it is now: it follows a hold, a sale, a
 * release. While this viewer's own Purchase runs, the hold the stream reports is theirs: the
 * form stays (showing its progress) until the checkout opens, instead of giving way to "a
 * buyer is holding these tickets" and unmounting the form whose action is still answering.
 */
export function LivePurchasePanel({ listing, viewerId }: Props) {
  const live = useLiveStatus(listing.id, listing.status);
  const [purchasing, setPurchasing] = useState(false);
  // A refused Purchase ("just reserved by someone else") ends the pending state, and the
  // stream's status then replaces the form: its message is kept beside that status.
  const [refusal, setRefusal] = useState<string | null>(null);
  const status = purchasing ? "available" : live;
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
  return (
    <PurchasePanel
      listing={{ ...listing, status }}
      viewerId={viewerId}
      onPurchasePending={setPurchasing}
      refusal={refusal}
      onPurchaseRefused={setRefusal}
    />
  );
}
