"use client";

import type { Stripe, StripeElements } from "@stripe/stripe-js";
import type { Money } from "@tx/api-contracts";
import { Form, FormError, formatMoney, SubmitButton } from "@tx/ui";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { PaymentHandlers } from "./checkout";
import styles from "./checkout.module.css";

type Props = PaymentHandlers & {
  orderId: string;
  amount: Money;
  clientSecret: string;
  publishableKey: string;
};

const appearance = {
  theme: "night",
  variables: {
    colorPrimary: "#fcbf49",
    colorBackground: "#001b29",
    colorText: "#e0f4ff",
    colorDanger: "#ff8a80",
    borderRadius: "8px",
  },
} as const;

/**
 * Card payment through Stripe (when the payments service has Stripe keys): the Payment
 * Element and the Address Element (billing) in Stripe's iframes, 3-D Secure handled by
 * Stripe.js. Stripe.js is fetched from js.stripe.com only here, in this mode; the CSP of
 * the checkout pages allows it (security/headers.ts). Success is settled server-side: the
 * return route (payment-return) asks the payments service, which retrieves the intent.
 */
export function StripePayment({
  orderId,
  amount,
  clientSecret,
  publishableKey,
  onState,
  leaving,
}: Props) {
  const paymentRef = useRef<HTMLDivElement>(null);
  const addressRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ client: Stripe; elements: StripeElements } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { loadStripe } = await import("@stripe/stripe-js/pure");
      const client = await loadStripe(publishableKey);
      if (!client || cancelled || !paymentRef.current || !addressRef.current) return;
      const elements = client.elements({ clientSecret, appearance });
      elements.create("address", { mode: "billing" }).mount(addressRef.current);
      elements.create("payment").mount(paymentRef.current);
      setStripe({ client, elements });
    })().catch(() => {
      if (!cancelled)
        setMessage("Card payment could not load. Check your connection and reload the page.");
    });
    return () => {
      cancelled = true;
    };
  }, [clientSecret, publishableKey]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!stripe || pending) return;
    setPending(true);
    setMessage(null);
    const returnUrl = new URL(`/orders/${orderId}/payment-return`, window.location.origin).href;
    const { error, paymentIntent } = await stripe.client.confirmPayment({
      elements: stripe.elements,
      confirmParams: { return_url: returnUrl },
      redirect: "if_required",
    });
    setPending(false);
    if (error) {
      setMessage(error.message ?? "Your payment did not go through.");
      return;
    }
    onState({
      orderId,
      status: paymentIntent.status === "succeeded" ? "succeeded" : "processing",
      amount,
      billingName: null,
      lastError: null,
      requiresAction: false,
    });
  };

  return (
    <Form
      method="post"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Pay by card"
    >
      <FormError message={message} />
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Billing address</legend>
        <div ref={addressRef} className={styles.stripeElement} />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Card</legend>
        <div ref={paymentRef} className={styles.stripeElement} />
      </fieldset>
      <div className="tx-form__actions">
        <SubmitButton
          pending={pending || leaving || !stripe}
          pendingLabel={stripe ? "Paying…" : "Loading…"}
        >
          Pay {formatMoney(amount)}
        </SubmitButton>
      </div>
    </Form>
  );
}
