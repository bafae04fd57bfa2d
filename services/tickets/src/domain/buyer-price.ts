import { basisPointsOf, type Currency } from "@tx/api-contracts";

/** BUYER_FEE_BPS, set once at start by service.ts (domain modules read no settings on import). */
let buyerFeeBps = 0;
export function setBuyerFeeBps(bps: number): void {
  buyerFeeBps = bps;
}

/**
 * What a buyer pays for a listing, all-in: per ticket the seller's price plus the buyer's fee
 * (BUYER_FEE_BPS of it, rounded half up), and for the lot that times the quantity. Every price
 * a buyer sees and the order they pay come from here (the listing view and the ticket events
 * orders prices from), so the total up front is the total charged.
 */
export function buyerPrice(t: { pricePerTicket: number; quantity: number; currency: Currency }) {
  const fee = basisPointsOf(t.pricePerTicket, buyerFeeBps);
  const money = (amount: number) => ({ amount, currency: t.currency });
  const perTicket = t.pricePerTicket + fee;
  return {
    buyerPrice: money(perTicket),
    buyerFee: money(fee),
    buyerTotal: money(perTicket * t.quantity),
  };
}
