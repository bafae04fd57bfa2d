"use client";

import { FormError, SubmitButton } from "@tx/ui";
import { useActionState, useEffect } from "react";
import { type PurchaseState, purchaseListing } from "@/listings/actions";
import styles from "./purchase-panel.module.css";

type Props = {
  listingId: string;
  /** The all-in total (minor units) the page shows: the checkout says so if the order's differs. */
  shownTotal: number;
  /** Told when the purchase starts and when it ends without leaving the page (a refusal). */
  onPendingChange?: (pending: boolean) => void;
  /** Told the refusal (and the listing as it is now), which must outlive this form. */
  onRefused?: (refusal: PurchaseState) => void;
};

/** Purchase as a form posting to a server action: it works before the page's script has loaded. */
export function PurchaseForm({ listingId, shownTotal, onPendingChange, onRefused }: Props) {
  const [state, action, pending] = useActionState<PurchaseState>(
    purchaseListing.bind(null, listingId, shownTotal),
    { message: null },
  );
  useEffect(() => {
    if (!pending && state.message) onRefused?.(state);
  }, [pending, state, onRefused]);
  useEffect(() => onPendingChange?.(pending), [pending, onPendingChange]);
  return (
    <form action={action} className={styles.panel}>
      <SubmitButton
        pending={pending}
        pendingLabel="Holding your tickets…"
        className={styles.button}
      >
        Purchase
      </SubmitButton>
      <FormError message={state.message} />
    </form>
  );
}
