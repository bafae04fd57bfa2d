import type { Earnings, EarningsInput } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { env } from "../env";
import { accountsOf } from "../payouts/run";

/** The signed-in seller's own earnings: the ledger is read by their id from the token, never the input. */
export async function getEarnings(ctx: AuthedContext, _input: EarningsInput): Promise<Earnings> {
  const accounts = await accountsOf(ctx.user.id, new Date());
  return {
    feeBps: env.PLATFORM_FEE_BPS,
    holdHours: env.PAYOUT_HOLD_HOURS,
    minimum: env.PAYOUT_MINIMUM,
    accounts: accounts.map((a) => {
      const money = (amount: number) => ({ amount, currency: a.currency });
      return {
        currency: a.currency,
        pending: money(a.pending),
        available: money(a.available),
        paid: money(a.paid),
        sales: a.sales.map((s) => ({
          orderId: s.orderId,
          ticketId: s.ticketId,
          title: s.title,
          eventDate: s.eventDate.toISOString(),
          soldAt: s.soldAt.toISOString(),
          price: money(s.price),
          fee: money(s.fee),
          net: money(s.net),
          status: s.status,
          availableAt: s.availableAt?.toISOString() ?? null,
          payout:
            s.payoutId && s.paidAt ? { id: s.payoutId, paidAt: s.paidAt.toISOString() } : null,
        })),
        payouts: a.payouts.map((p) => ({
          id: p.id,
          amount: money(p.amount),
          paidAt: p.at.toISOString(),
          sales: p.sales,
          mode: p.mode,
          status: p.status,
        })),
      };
    }),
  };
}
