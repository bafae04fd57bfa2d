"use client";

import { deleteListing } from "@/listings/actions";
import { ConfirmAction } from "./confirm-action";

type Props = { listingId: string; eventName: string; size?: "medium" | "small" };

/** Delete, in two steps, naming the listing. On success the action goes to My listings. */
export function DeleteListing({ listingId, eventName, size = "medium" }: Props) {
  return (
    <ConfirmAction
      label={
        <>
          Delete<span className="tx-visually-hidden"> {eventName}</span>
        </>
      }
      question={<>Delete “{eventName}”? Buyers will no longer see it. This cannot be undone.</>}
      confirmLabel="Yes, delete"
      pendingLabel="Deleting…"
      action={() => deleteListing(listingId)}
      size={size}
    />
  );
}
