import { BillingAddress, SandboxCard } from "@tx/api-contracts";
import { z } from "zod";

/** The sandbox card form: the contract's card and billing address, as the service checks them. */
export const SandboxCheckoutForm = z.object({ card: SandboxCard, billing: BillingAddress });
export type SandboxCheckoutValues = z.input<typeof SandboxCheckoutForm>;
export type SandboxCheckout = z.output<typeof SandboxCheckoutForm>;

export const sandboxCheckoutFields = [
  "card.number",
  "card.expiry",
  "card.cvc",
  "billing.name",
  "billing.line1",
  "billing.line2",
  "billing.city",
  "billing.state",
  "billing.postalCode",
  "billing.country",
] as const;

export const emptySandboxCheckout: SandboxCheckoutValues = {
  card: { number: "", expiry: "", cvc: "" },
  billing: { name: "", line1: "", line2: "", city: "", state: "", postalCode: "", country: "" },
};
