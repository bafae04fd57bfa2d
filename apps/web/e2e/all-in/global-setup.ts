import { startE2eStack } from "../global-setup";

/** The buyer's fee of the all-in suite: 10 %, so every price a buyer sees holds it. */
export const BUYER_FEE_BPS = 1000;

/** The suite's stack, with a buyer's fee (the main suite runs without one). */
export default function globalSetup(): Promise<() => Promise<void>> {
  return startE2eStack("e2e-all-in", { BUYER_FEE_BPS: String(BUYER_FEE_BPS) });
}
