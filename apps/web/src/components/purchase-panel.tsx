import type { Listing } from "@tx/api-contracts";
import { Button, ButtonLink, FormError } from "@tx/ui";
import Link from "next/link";
import { type ReactNode, useId } from "react";
import { withCallback } from "@/auth/callback-path";
import type { PurchaseState } from "@/listings/actions";
import { unavailableReason } from "@/listings/status";
import { PurchaseForm } from "./purchase-form";
import styles from "./purchase-panel.module.css";

type Props = {
  listing: Listing;
  viewerId: string | null;
  /** The viewer's own order holding this listing, when it is theirs that holds it. */
  heldOrderId?: string | null;
  /** See PurchaseForm: the live panel holds its status still while the viewer's purchase runs. */
  onPurchasePending?: (pending: boolean) => void;
  /** Why this viewer's last Purchase was refused, kept when the status it met replaces the form. */
  refusal?: string | null;
  onPurchaseRefused?: (refusal: PurchaseState) => void;
};

/**
 * The Purchase button in the state this viewer meets it: enabled for a signed-in buyer,
 * a way to sign in first (and come back), the way to their checkout for the buyer holding
 * it, or disabled with the reason beside it.
 */
export function PurchasePanel({
  listing,
  viewerId,
  heldOrderId = null,
  onPurchasePending,
  refusal = null,
  onPurchaseRefused,
}: Props) {
  const reasonId = useId();
  const disabled = (reason: string, extra?: ReactNode) => (
    <div className={styles.panel}>
      <Button disabled aria-describedby={reasonId} className={styles.button}>
        Purchase
      </Button>
      <p id={reasonId} className={styles.reason}>
        {reason}
      </p>
      {extra}
    </div>
  );
  if (listing.sellerId === viewerId) {
    return disabled(
      "This is your listing: you cannot buy your own tickets.",
      listing.status === "available" ? (
        <ButtonLink href={`/listings/${listing.id}/edit`} as={Link} variant="secondary">
          Edit listing
        </ButtonLink>
      ) : null,
    );
  }
  if (listing.status === "reserved" && heldOrderId) {
    return (
      <div className={styles.panel}>
        <ButtonLink href={`/checkout/${heldOrderId}`} as={Link}>
          Go to your checkout
        </ButtonLink>
        <p className={styles.reason}>
          You are holding these tickets: pay for them at your checkout while the hold lasts.
        </p>
      </div>
    );
  }
  if (listing.status !== "available") {
    return disabled(
      unavailableReason[listing.status],
      refusal ? <FormError message={refusal} /> : null,
    );
  }
  if (!viewerId) {
    return (
      <div className={styles.panel}>
        <ButtonLink href={withCallback("/signin", `/listings/${listing.id}`)} as={Link}>
          Sign in to purchase
        </ButtonLink>
        <p className={styles.reason}>You come back here after signing in.</p>
      </div>
    );
  }
  return (
    <div className={styles.panel}>
      <PurchaseForm
        listingId={listing.id}
        shownTotal={listing.buyerTotal.amount}
        onPendingChange={onPurchasePending}
        onRefused={onPurchaseRefused}
      />
      <p className={styles.reason}>
        Pressing Purchase holds the tickets for you while you pay, for a few minutes.
      </p>
    </div>
  );
}
