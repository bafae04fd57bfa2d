"use client";

import { BusyButton, Button, FormError } from "@tx/ui";
import { useEffect, useRef, useState, useTransition } from "react";
import { deleteListing } from "@/listings/actions";
import styles from "./delete-listing.module.css";

type Props = { listingId: string; eventName: string; size?: "medium" | "small" };

/**
 * Delete, in two steps: the button asks first, naming the listing. Focus moves to the
 * question, and back to the button if the seller keeps the listing.
 */
export function DeleteListing({ listingId, eventName, size = "medium" }: Props) {
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
      // Returns only when refused; on success the action goes to My listings.
      setMessage((await deleteListing(listingId)).message);
    });

  return (
    <div className={styles.root}>
      {confirming ? (
        <div className={styles.confirm}>
          <p ref={question} tabIndex={-1} className={styles.question}>
            Delete “{eventName}”? Buyers will no longer see it. This cannot be undone.
          </p>
          <div className={styles.actions}>
            <BusyButton size={size} pending={pending} pendingLabel="Deleting…" onClick={confirm}>
              Yes, delete
            </BusyButton>
            <Button variant="secondary" size={size} onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={button} variant="secondary" size={size} onClick={() => setConfirming(true)}>
          Delete<span className="tx-visually-hidden"> {eventName}</span>
        </Button>
      )}
      <FormError message={message} />
    </div>
  );
}
