/**
 * The platform's fee on a sale, in minor units: `price * bps / 10000` rounded half up
 * (0.5 of a cent goes to the platform), so it is a whole number of cents; the seller gets
 * the rest, `price - fee`. Fee and net always add up to the price exactly, so the fees
 * the ledger records are the platform's income to the cent.
 */
export function splitFee(price: number, bps: number): { fee: number; net: number } {
  if (!Number.isSafeInteger(price) || price < 0) throw new Error(`bad price ${price}`);
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new Error(`bad fee ${bps}`);
  // Integer arithmetic: price <= 1e8 and bps <= 1e4 keep the product far below 2^53.
  const fee = Math.floor((price * bps + 5_000) / 10_000);
  return { fee, net: price - fee };
}
