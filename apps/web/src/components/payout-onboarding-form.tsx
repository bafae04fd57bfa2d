"use client";

import { FormError, SubmitButton } from "@tx/ui";
import { useActionState } from "react";
import { type OnboardingState, startPayoutOnboarding } from "@/payouts/actions";

const initial: OnboardingState = { message: null };

/** "Set up payouts": to Stripe's hosted onboarding, and back to Earnings when done. */
export function PayoutOnboardingForm({ label }: { label: string }) {
  const [state, action, pending] = useActionState(startPayoutOnboarding, initial);
  return (
    <form action={action} aria-label="Payout account">
      <SubmitButton size="small" pending={pending} pendingLabel="Opening Stripe…">
        {label}
      </SubmitButton>
      <FormError message={state.message} />
    </form>
  );
}
