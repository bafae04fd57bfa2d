"use client";

import { FormError, SubmitButton } from "@tx/ui";
import { useActionState } from "react";
import { type PurchaseState, purchaseListing } from "@/listings/actions";
import styles from "./purchase-panel.module.css";

/** Purchase as a form posting to a server action: it works before the page's script has loaded. */
export function PurchaseForm({ listingId }: { listingId: string }) {
  const [state, action, pending] = useActionState<PurchaseState>(
    purchaseListing.bind(null, listingId),
    { message: null },
  );
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
