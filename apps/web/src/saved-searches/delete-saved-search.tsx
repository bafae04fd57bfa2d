"use client";

import { ConfirmAction } from "@/components/confirm-action";
import { deleteSavedSearch } from "./actions";

/** Delete, in two steps, naming the search; the page then shows the rest. */
export function DeleteSavedSearch({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmAction
      label={
        <>
          Delete<span className="tx-visually-hidden"> the saved search {name}</span>
        </>
      }
      question={<>Delete the saved search {name}? Its emails stop.</>}
      confirmLabel="Yes, delete"
      pendingLabel="Deleting…"
      action={() => deleteSavedSearch(id)}
      size="small"
    />
  );
}
