"use client";

import { useMutation } from "@tanstack/react-query";
import type { Money } from "@tx/api-contracts";
import { Form, formatMoney, Notice, SelectField, SubmitButton, TextField } from "@tx/ui";
import {
  emptySandboxCheckout,
  SandboxCheckoutForm,
  sandboxCheckoutFields,
} from "@/checkout/checkout-form-schema";
import { countries } from "@/checkout/countries";
import { formErrorsFromService } from "@/forms/form-errors";
import { useSchemaForm } from "@/forms/use-schema-form";
import { useTRPC } from "@/trpc/client";
import { serviceError } from "@/trpc/service-error";
import type { PaymentHandlers } from "./checkout";
import styles from "./checkout.module.css";

type Props = PaymentHandlers & { orderId: string; amount: Money };

/**
 * The card and billing address form of the sandbox gateway (no Stripe keys): the same
 * fields and checks as the contract, with Stripe's published test cards.
 */
export function SandboxPaymentForm({ orderId, amount, onState, onRefusal, leaving }: Props) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.payments.sandbox.confirm.mutationOptions());
  const { field, submitWith, showFieldErrors } = useSchemaForm(
    SandboxCheckoutForm,
    emptySandboxCheckout,
  );

  const onSubmit = submitWith(async ({ card, billing }) => {
    try {
      onState(await confirm.mutateAsync({ orderId, card, billing }), card.number.slice(-4));
    } catch (err) {
      const refusal = serviceError(err);
      const { fieldErrors, formError } = formErrorsFromService(refusal, sandboxCheckoutFields);
      showFieldErrors(fieldErrors);
      // The checkout shows what belongs to no field, above both payment forms.
      if (formError) onRefusal(refusal);
    }
  });

  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label="Pay by card">
      <Notice tone="info" title="Test payments: no real card is charged">
        <p>
          Use 4242 4242 4242 4242 (accepted), 4000 0000 0000 0002 (declined) or 4000 0027 6000 3184
          (your bank asks you to confirm), any future expiry and any 3 digits.
        </p>
      </Notice>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Card</legend>
        <TextField
          label="Card number"
          autoComplete="cc-number"
          inputMode="numeric"
          placeholder="1234 1234 1234 1234"
          maxLength={23}
          className={styles.wide}
          {...field("card.number")}
        />
        <TextField
          label="Expiry date"
          autoComplete="cc-exp"
          placeholder="MM / YY"
          maxLength={7}
          {...field("card.expiry")}
        />
        <TextField
          label="Security code (CVC)"
          autoComplete="cc-csc"
          inputMode="numeric"
          placeholder="123"
          maxLength={4}
          {...field("card.cvc")}
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Billing address</legend>
        <TextField
          label="Name on the card"
          autoComplete="cc-name"
          className={styles.wide}
          {...field("billing.name")}
        />
        <TextField
          label="Address line 1"
          autoComplete="billing address-line1"
          className={styles.wide}
          {...field("billing.line1")}
        />
        <TextField
          label="Address line 2 (optional)"
          autoComplete="billing address-line2"
          className={styles.wide}
          {...field("billing.line2")}
        />
        <TextField label="City" autoComplete="billing address-level2" {...field("billing.city")} />
        <TextField
          label="State or region (optional)"
          autoComplete="billing address-level1"
          {...field("billing.state")}
        />
        <TextField
          label="Postal code"
          autoComplete="billing postal-code"
          {...field("billing.postalCode")}
        />
        <SelectField
          label="Country"
          autoComplete="billing country"
          placeholder="Choose a country"
          options={countries}
          {...field("billing.country")}
        />
      </fieldset>
      <div className="tx-form__actions">
        <SubmitButton pending={confirm.isPending || leaving} pendingLabel="Paying…">
          Pay {formatMoney(amount)}
        </SubmitButton>
      </div>
    </Form>
  );
}
