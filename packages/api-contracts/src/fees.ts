/**
 * A share of an amount in basis points (1000 = 10 %), in minor units: `amount * bps / 10000`
 * rounded half up, so it is a whole number of cents. Integer arithmetic only: amounts up to
 * 1e8 and bps up to 1e4 keep the product far below 2^53. The platform's fee on a sale
 * (payments) and the buyer's fee on a ticket (tickets) are both this.
 */
export function basisPointsOf(amount: number, bps: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`bad amount ${amount}`);
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new Error(`bad rate ${bps}`);
  return Math.floor((amount * bps + 5_000) / 10_000);
}
