"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { Money } from "@tx/api-contracts";
import { Form, formatMoney, Notice, SelectField, SubmitButton, TextField } from "@tx/ui";
import { useForm } from "react-hook-form";
import {
  emptySandboxCheckout,
  type SandboxCheckout,
  SandboxCheckoutForm,
  type SandboxCheckoutValues,
  sandboxCheckoutFields,
} from "@/checkout/checkout-form-schema";
import { countries } from "@/checkout/countries";
import { formErrorsFromService } from "@/forms/form-errors";
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
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SandboxCheckoutValues, unknown, SandboxCheckout>({
    resolver: zodResolver(SandboxCheckoutForm),
    defaultValues: emptySandboxCheckout,
  });

  const onSubmit = handleSubmit(async ({ card, billing }) => {
    try {
      onState(await confirm.mutateAsync({ orderId, card, billing }), card.number.slice(-4));
    } catch (err) {
      const refusal = serviceError(err);
      const { fieldErrors, formError } = formErrorsFromService(refusal, sandboxCheckoutFields);
      Object.entries(fieldErrors).forEach(([field, message], i) => {
        setError(
          field as (typeof sandboxCheckoutFields)[number],
          { type: "server", message },
          {
            shouldFocus: i === 0,
          },
        );
      });
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
          error={errors.card?.number?.message}
          className={styles.wide}
          {...register("card.number")}
        />
        <TextField
          label="Expiry date"
          autoComplete="cc-exp"
          placeholder="MM / YY"
          maxLength={7}
          error={errors.card?.expiry?.message}
          {...register("card.expiry")}
        />
        <TextField
          label="Security code (CVC)"
          autoComplete="cc-csc"
          inputMode="numeric"
          placeholder="123"
          maxLength={4}
          error={errors.card?.cvc?.message}
          {...register("card.cvc")}
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Billing address</legend>
        <TextField
          label="Name on the card"
          autoComplete="cc-name"
          error={errors.billing?.name?.message}
          className={styles.wide}
          {...register("billing.name")}
        />
        <TextField
          label="Address line 1"
          autoComplete="billing address-line1"
          error={errors.billing?.line1?.message}
          className={styles.wide}
          {...register("billing.line1")}
        />
        <TextField
          label="Address line 2 (optional)"
          autoComplete="billing address-line2"
          error={errors.billing?.line2?.message}
          className={styles.wide}
          {...register("billing.line2")}
        />
        <TextField
          label="City"
          autoComplete="billing address-level2"
          error={errors.billing?.city?.message}
          {...register("billing.city")}
        />
        <TextField
          label="State or region (optional)"
          autoComplete="billing address-level1"
          error={errors.billing?.state?.message}
          {...register("billing.state")}
        />
        <TextField
          label="Postal code"
          autoComplete="billing postal-code"
          error={errors.billing?.postalCode?.message}
          {...register("billing.postalCode")}
        />
        <SelectField
          label="Country"
          autoComplete="billing country"
          placeholder="Choose a country"
          options={countries}
          error={errors.billing?.country?.message}
          {...register("billing.country")}
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
