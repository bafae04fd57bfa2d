"use server";

import { redirect } from "next/navigation";
import { UNAVAILABLE } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

export type OnboardingState = { message: string | null };

/** Sends the seller to Stripe's hosted onboarding for their payout account. */
export async function startPayoutOnboarding(_previous: OnboardingState): Promise<OnboardingState> {
  let url: string;
  try {
    ({ url } = await (await serverApi()).payments.payouts.startOnboarding.mutate({}));
  } catch (err) {
    return { message: serviceError(err)?.message ?? UNAVAILABLE };
  }
  redirect(url);
}
