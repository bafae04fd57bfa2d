"use client";

import { BusyButton, Button, FormError } from "@tx/ui";
import { useEffect, useRef, useState, useTransition } from "react";
import { cancelOrder } from "@/orders/actions";
import styles from "./delete-listing.module.css";

/**
 * Cancel, in two steps: the button asks first. Focus moves to the question, and back to
 * the button if the buyer keeps the order; once cancelled, the page shows the new status.
 */
export function CancelOrder({ orderId }: { orderId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const question = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (asked.current) button.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const confirm = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await cancelOrder(orderId);
      setMessage(result.message);
      if (!result.message) setConfirming(false);
    });

  return (
    <div className={styles.root}>
      {confirming ? (
        <div className={styles.confirm}>
          <p ref={question} tabIndex={-1} className={styles.question}>
            Cancel this order? The tickets go back on sale at once.
          </p>
          <div className={styles.actions}>
            <BusyButton pending={pending} pendingLabel="Cancelling…" onClick={confirm}>
              Yes, cancel the order
            </BusyButton>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={button} variant="secondary" onClick={() => setConfirming(true)}>
          Cancel order
        </Button>
      )}
      <FormError message={message} />
    </div>
  );
}
