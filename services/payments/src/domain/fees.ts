import { basisPointsOf } from "@tx/api-contracts";

/**
 * The platform's fee on a sale, in minor units: PLATFORM_FEE_BPS of the price rounded half up
 * (0.5 of a cent goes to the platform); the seller gets the rest, `price - fee`. Fee and net
 * always add up to the price exactly, so the fees the ledger records are the platform's
 * income to the cent.
 */
export function splitFee(price: number, bps: number): { fee: number; net: number } {
  const fee = basisPointsOf(price, bps);
  return { fee, net: price - fee };
}
