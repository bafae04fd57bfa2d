"use client";

import type { ListingCriteria } from "@tx/api-contracts";
import { BusyButton, FormError } from "@tx/ui";
import Link from "next/link";
import { useState, useTransition } from "react";
import { type SaveSearchState, saveSearch } from "./actions";
import styles from "./saved-searches.module.css";

/** "Save this search" under the landing page's filters: an email when a new listing matches. */
export function SaveSearch({ criteria }: { criteria: ListingCriteria }) {
  const [state, setState] = useState<SaveSearchState>({ saved: false, message: null });
  const [pending, startTransition] = useTransition();
  if (state.saved) {
    return (
      <p className={styles.saveRow} role="status">
        Saved. We email you when a new or cheaper listing matches.{" "}
        <Link href="/saved-searches">Your saved searches</Link>
      </p>
    );
  }
  return (
    <div className={styles.saveRow}>
      <BusyButton
        variant="secondary"
        size="small"
        pending={pending}
        pendingLabel="Saving…"
        onClick={() =>
          startTransition(async () => {
            setState(await saveSearch(criteria));
          })
        }
      >
        Save this search
      </BusyButton>
      <span className={styles.hint}>Get an email when a new listing matches.</span>
      <Link href="/saved-searches" className={styles.hint}>
        Saved searches
      </Link>
      <FormError message={state.message} />
    </div>
  );
}
