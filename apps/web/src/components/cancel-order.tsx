"use client";

import { cancelOrder } from "@/orders/actions";
import { ConfirmAction } from "./confirm-action";

/** Cancel, in two steps; once cancelled, the page shows the new status. */
export function CancelOrder({ orderId }: { orderId: string }) {
  return (
    <ConfirmAction
      label="Cancel order"
      question="Cancel this order? The tickets go back on sale at once."
      confirmLabel="Yes, cancel the order"
      pendingLabel="Cancelling…"
      action={() => cancelOrder(orderId)}
      onDone="reset"
    />
  );
}
