"use client";

import { FormError, Notice, SubmitButton } from "@tx/ui";
import Link from "next/link";
import { useActionState } from "react";
import { type UnsubscribeState, unsubscribe } from "./actions";

/** One button: pressing it (not opening the link, which mail scanners do) stops the emails. */
export function UnsubscribeForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<UnsubscribeState>(unsubscribe.bind(null, token), {
    done: false,
    message: null,
  });
  if (state.done) {
    return (
      <Notice tone="success" title="Unsubscribed" role="status">
        <p>
          You will get no more emails for the saved search {state.name}. It stays on your{" "}
          <Link href="/saved-searches">Saved searches</Link> page until you delete it.
        </p>
      </Notice>
    );
  }
  return (
    <form action={action}>
      <SubmitButton pending={pending} pendingLabel="Unsubscribing…">
        Stop these emails
      </SubmitButton>
      <FormError message={state.message} />
    </form>
  );
}
