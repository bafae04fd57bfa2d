"use client";

import { FormError, SubmitButton } from "@tx/ui";
import { useActionState, useEffect } from "react";
import { type PurchaseState, purchaseListing } from "@/listings/actions";
import styles from "./purchase-panel.module.css";

type Props = {
  listingId: string;
  /** Told when the purchase starts and when it ends without leaving the page (a refusal). */
  onPendingChange?: (pending: boolean) => void;
  /** Told the refusal's message, which must outlive this form if the panel replaces it. */
  onRefused?: (message: string) => void;
};

/** Purchase as a form posting to a server action: it works before the page's script has loaded. */
export function PurchaseForm({ listingId, onPendingChange, onRefused }: Props) {
  const [state, action, pending] = useActionState<PurchaseState>(
    purchaseListing.bind(null, listingId),
    { message: null },
  );
  useEffect(() => {
    if (!pending && state.message) onRefused?.(state.message);
  }, [pending, state.message, onRefused]);
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
