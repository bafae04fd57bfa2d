import { ButtonLink, Notice } from "@tx/ui";
import Link from "next/link";
import type { Ref } from "react";
import styles from "./checkout.module.css";

type Props = {
  listingId: string;
  title?: string;
  reason?: string;
  focusRef?: Ref<HTMLDivElement>;
};

/** The checkout once its hold is over: nothing was charged, and the way back to the listings. */
export function HoldEnded({
  listingId,
  title = "Your hold has ended",
  reason = "The tickets were released so that others can buy them. You have not been charged.",
  focusRef,
}: Props) {
  return (
    <Notice tone="warning" title={title} focusRef={focusRef}>
      <p>{reason}</p>
      <div className={styles.endedActions}>
        <ButtonLink href="/" as={Link}>
          Back to the listings
        </ButtonLink>
        <ButtonLink href={`/listings/${listingId}`} as={Link} variant="secondary">
          See the listing
        </ButtonLink>
      </div>
    </Notice>
  );
}
