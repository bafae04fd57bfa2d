"use client";

import type { PaymentSession, PaymentState } from "@tx/api-contracts";
import { Card, Notice } from "@tx/ui";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useHoldRemaining } from "@/checkout/hold";
import { UNAVAILABLE } from "@/forms/form-errors";
import type { ServiceError } from "@/trpc/service-error";
import styles from "./checkout.module.css";
import { HoldCountdown } from "./hold-countdown";
import { HoldEnded } from "./hold-ended";
import { SandboxPaymentForm } from "./sandbox-payment-form";
import { StripePayment } from "./stripe-payment";
import { ThreeDSecureChallenge } from "./three-d-secure-challenge";

type Props = {
  orderId: string;
  listingId: string;
  expiresAt: string;
  /** The server's clock when it rendered the page (ms since the epoch). */
  serverNow: number;
  payment: PaymentSession;
  /** The order summary, rendered on the server. */
  summary: ReactNode;
  /** Said before the payment form (the price changed since the listing page). */
  notice?: ReactNode;
};

type Step = { kind: "pay" } | { kind: "challenge"; last4: string | null } | { kind: "ended" };

/** What each payment attempt reports back to the checkout. */
export type PaymentHandlers = {
  onState: (state: PaymentState, last4?: string) => void;
  onRefusal: (refusal: ServiceError | null) => void;
  /** Set once the payment went through and the confirmation page is opening. */
  leaving: boolean;
};

/**
 * The checkout's moving parts: the hold's countdown, the payment form (sandbox or Stripe),
 * the 3-D Secure step, a decline to try again after, and the end of the hold.
 */
export function Checkout({
  orderId,
  listingId,
  expiresAt,
  serverNow,
  payment,
  summary,
  notice = null,
}: Props) {
  const remaining = useHoldRemaining(expiresAt, serverNow);
  const [step, setStep] = useState<Step>(
    payment.status === "requires_action" ? { kind: "challenge", last4: null } : { kind: "pay" },
  );
  // Each failure is a new object, so the same message twice still moves focus to it.
  const [failure, setFailure] = useState<{ message: string } | null>(
    payment.lastError ? { message: payment.lastError } : null,
  );
  const [leaving, setLeaving] = useState(false);
  const ended = !leaving && (remaining <= 0 || step.kind === "ended");
  const endedRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (ended) endedRef.current?.focus();
  }, [ended]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const handlers: PaymentHandlers = {
    leaving,
    onState: (state, last4) => {
      if (state.status === "requires_action") {
        setFailure(null);
        setStep({ kind: "challenge", last4: last4 ?? null });
      } else if (state.status === "requires_payment_method") {
        setStep({ kind: "pay" });
        setFailure({ message: state.lastError ?? "Your payment did not go through." });
      } else {
        // Succeeded (or settling): the return route asks the provider, then the confirmation
        // page waits for the order. A full navigation: a route handler, not a page.
        setLeaving(true);
        window.location.assign(`/orders/${orderId}/payment-return`);
      }
    },
    onRefusal: (refusal) => {
      // The payments service refuses a payment for an order whose hold is over.
      if (refusal?.code === "CONFLICT") setStep({ kind: "ended" });
      else setFailure({ message: refusal?.message ?? UNAVAILABLE });
    },
  };

  return (
    <div className={styles.layout}>
      <aside className={styles.summary} aria-label="Your order">
        <Card title="Your order">
          {/* Once paid, the hold no longer matters: the countdown must not announce its end. */}
          <HoldCountdown remaining={leaving ? Math.max(remaining, 1) : remaining} />
          {summary}
        </Card>
      </aside>
      <section className={styles.payment} aria-labelledby="payment-title">
        <h2 id="payment-title" className={styles.paymentTitle}>
          Payment
        </h2>
        {ended ? null : notice}
        {ended ? (
          <HoldEnded listingId={listingId} focusRef={endedRef} />
        ) : (
          <>
            {step.kind === "challenge" ? (
              <ThreeDSecureChallenge
                orderId={orderId}
                amount={payment.amount}
                last4={step.last4}
                {...handlers}
              />
            ) : null}
            {/* Hidden, not unmounted, during the challenge: a retry keeps what was typed. */}
            <div hidden={step.kind === "challenge"} className={styles.paymentBody}>
              {failure ? (
                <Notice
                  tone="danger"
                  role="alert"
                  title="Your payment did not go through"
                  focusRef={failureRef}
                >
                  <p>{failure.message}</p>
                  <p>You can try again, or use another card, while the hold lasts.</p>
                </Notice>
              ) : null}
              {payment.mode === "stripe" && payment.publishableKey ? (
                <StripePayment
                  orderId={orderId}
                  amount={payment.amount}
                  clientSecret={payment.clientSecret}
                  publishableKey={payment.publishableKey}
                  {...handlers}
                />
              ) : (
                <SandboxPaymentForm orderId={orderId} amount={payment.amount} {...handlers} />
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
