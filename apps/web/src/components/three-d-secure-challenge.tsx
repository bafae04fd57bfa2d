"use client";

import { useMutation } from "@tanstack/react-query";
import type { Money } from "@tx/api-contracts";
import { BusyButton, formatMoney } from "@tx/ui";
import { useEffect, useId, useRef } from "react";
import { useTRPC } from "@/trpc/client";
import { serviceError } from "@/trpc/service-error";
import type { PaymentHandlers } from "./checkout";
import styles from "./three-d-secure-challenge.module.css";

type Props = PaymentHandlers & { orderId: string; amount: Money; last4: string | null };

/**
 * The sandbox's 3-D Secure step, dressed as a bank's page as Stripe would show it: the
 * buyer completes or fails the authentication. Focus moves to it as it appears.
 */
export function ThreeDSecureChallenge({
  orderId,
  amount,
  last4,
  onState,
  onRefusal,
  leaving,
}: Props) {
  const trpc = useTRPC();
  const authenticate = useMutation(trpc.payments.sandbox.authenticate.mutationOptions());
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const answer = async (outcome: "complete" | "fail") => {
    try {
      onState(await authenticate.mutateAsync({ orderId, outcome }));
    } catch (err) {
      onRefusal(serviceError(err));
    }
  };
  const busy = authenticate.isPending || leaving;
  const answering = authenticate.isPending ? authenticate.variables?.outcome : null;

  return (
    <section className={styles.bank} aria-labelledby={headingId}>
      <div className={styles.bar}>
        <span className={styles.logo} aria-hidden="true" />
        <span className={styles.bankName}>Sandbox Bank</span>
        <span className={styles.secure}>3-D Secure</span>
      </div>
      <div className={styles.body}>
        <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.title}>
          Confirm your payment
        </h3>
        <p>
          Ticket Exchange asks to charge <strong>{formatMoney(amount)}</strong> to your card
          {last4 ? ` ending in ${last4}` : ""}.
        </p>
        <p className={styles.muted}>
          This test challenge stands in for your bank's check: choose the answer your bank would
          give.
        </p>
        <div className={styles.actions}>
          <BusyButton
            pending={busy}
            pendingLabel={answering === "fail" ? "Complete authentication" : "Authenticating…"}
            onClick={() => void answer("complete")}
            className={styles.primary}
          >
            Complete authentication
          </BusyButton>
          <BusyButton
            variant="secondary"
            pending={busy}
            pendingLabel={answering === "fail" ? "Failing…" : "Fail authentication"}
            onClick={() => void answer("fail")}
            className={styles.secondary}
          >
            Fail authentication
          </BusyButton>
        </div>
      </div>
    </section>
  );
}
