"use client";

import { Button, FormError, SubmitButton, TextAreaField, TextField } from "@tx/ui";
import { useActionState, useState } from "react";
import {
  confirmReceipt,
  type DeliveryActionState,
  reportProblem,
  reportTransfer,
} from "@/delivery/actions";
import { ConfirmAction } from "./confirm-action";
import styles from "./delivery-actions.module.css";

const initial: DeliveryActionState = { message: null, fieldError: null };

/** The seller's "I have transferred them", with the reference the venue's app gave. */
export function ReportTransferForm({
  ticketId,
  eventName,
}: {
  ticketId: string;
  eventName: string;
}) {
  const [state, action, pending] = useActionState(reportTransfer.bind(null, ticketId), initial);
  return (
    <form
      action={action}
      className={styles.form}
      aria-label={`Report the transfer for ${eventName}`}
    >
      <TextField
        name="reference"
        label="Transfer reference"
        hint="The confirmation the venue's app showed, or how you sent them."
        maxLength={200}
        required
        error={state.fieldError ?? undefined}
      />
      <div className={styles.actions}>
        <SubmitButton size="small" pending={pending} pendingLabel="Saving…">
          I have transferred them
        </SubmitButton>
      </div>
      <FormError message={state.message} />
    </form>
  );
}

/** The buyer confirms the transferred tickets arrived, in two steps. */
export function ConfirmReceipt({ orderId }: { orderId: string }) {
  return (
    <ConfirmAction
      label="I have the tickets"
      question="Confirm the tickets are in your account? The order is then done."
      confirmLabel="Yes, I have them"
      pendingLabel="Confirming…"
      action={() => confirmReceipt(orderId)}
    />
  );
}

/** The buyer reports what went wrong: opened from a button, so the page stays calm. */
export function ReportProblem({ orderId }: { orderId: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(reportProblem.bind(null, orderId), initial);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Report a problem
      </Button>
    );
  }
  return (
    <form action={action} className={styles.form} aria-label="Report a problem">
      <TextAreaField
        name="problem"
        label="What went wrong?"
        hint="For example: nothing arrived in the app, or the code does not scan."
        maxLength={1000}
        rows={3}
        required
        autoFocus
        error={state.fieldError ?? undefined}
      />
      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Send the report
        </SubmitButton>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Never mind
        </Button>
      </div>
      <FormError message={state.message} />
    </form>
  );
}
