"use client";

import { BusyButton, Button, FormError } from "@tx/ui";
import { type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import styles from "./confirm-action.module.css";

type Props = {
  /** The button that asks first, e.g. "Cancel order". */
  label: ReactNode;
  /** The question, naming what happens. */
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Runs the action; a message is a refusal to show, null is done. */
  action: () => Promise<{ message: string | null }>;
  /** After a success that stays on the page: back to the first step. */
  onDone?: "reset" | "stay";
  size?: "medium" | "small";
};

/**
 * An action in two steps: the button asks first. Focus moves to the question, and back to
 * the button if the person keeps things as they are; a refusal shows beneath.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  pendingLabel,
  action,
  onDone = "stay",
  size = "medium",
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (asked.current) button.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const confirm = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await action();
      setMessage(result.message);
      if (!result.message && onDone === "reset") setConfirming(false);
    });

  return (
    <div className={styles.root}>
      {confirming ? (
        <div className={styles.confirm}>
          <p ref={questionRef} tabIndex={-1} className={styles.question}>
            {question}
          </p>
          <div className={styles.actions}>
            <BusyButton size={size} pending={pending} pendingLabel={pendingLabel} onClick={confirm}>
              {confirmLabel}
            </BusyButton>
            <Button variant="secondary" size={size} onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={button} variant="secondary" size={size} onClick={() => setConfirming(true)}>
          {label}
        </Button>
      )}
      <FormError message={message} />
    </div>
  );
}
