"use client";

import { Button, ButtonLink, Notice, PageHeading } from "@tx/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { SERVICE_UNAVAILABLE_DIGEST } from "@/trpc/unavailable";
import styles from "./route-error.module.css";

export type RouteErrorProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * A page that could not be built, inside the site's layout (its header and navigation stay):
 * "temporarily unavailable" when a service did not answer, else an error with its reference.
 * Try again renders the page anew on the server; the other way out is the listings.
 */
export function RouteError({ error, reset }: RouteErrorProps) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  const unavailable = error.digest === SERVICE_UNAVAILABLE_DIGEST;
  const reference = !unavailable && error.digest ? ` (reference ${error.digest})` : "";
  return (
    <>
      <PageHeading
        title={unavailable ? "Temporarily unavailable" : "This page could not be shown"}
        description={
          unavailable
            ? "Part of Ticket Exchange is not answering right now. Nothing you did caused this."
            : `Something went wrong on our side${reference}.`
        }
      />
      <div className={styles.body}>
        <Notice tone="warning" role="alert">
          <p>
            {unavailable
              ? "Please try again in a moment."
              : "Please try again; if it keeps happening, come back later."}
          </p>
        </Notice>
        <div className={styles.actions}>
          <Button
            disabled={retrying}
            onClick={() =>
              startRetry(() => {
                router.refresh();
                reset();
              })
            }
          >
            {retrying ? "Trying again…" : "Try again"}
          </Button>
          <ButtonLink href="/" as={Link} variant="secondary">
            Back to the listings
          </ButtonLink>
        </div>
      </div>
    </>
  );
}
