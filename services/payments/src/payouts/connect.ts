import type { PayoutAccountView } from "@tx/api-contracts";
import { DomainError, insertOnce } from "@tx/service-kit";
import { paymentErrors } from "../domain/errors";
import { env } from "../env";
import { gateway } from "../gateway/index";
import { type PayoutAccount, PayoutAccountModel } from "../models/payout-account";

/**
 * Sellers' payout accounts. With Stripe keys each seller onboards to a Connect Express
 * account through Stripe's hosted pages, and payouts are transfers to it; the sandbox needs
 * no account (it records payouts as paid).
 */

/** Asks Stripe how a seller's account stands and keeps the answer; the account as it is now. */
async function refreshed(account: PayoutAccount): Promise<PayoutAccount> {
  const connect = gateway().connect;
  if (!connect || account.payoutsEnabled) return account;
  const now = await connect.retrieveAccount(account.stripeAccountId);
  if (
    now.payoutsEnabled === account.payoutsEnabled &&
    now.detailsSubmitted === account.detailsSubmitted
  ) {
    return account;
  }
  const updated = await PayoutAccountModel.findByIdAndUpdate(
    account._id,
    { $set: { payoutsEnabled: now.payoutsEnabled, detailsSubmitted: now.detailsSubmitted } },
    { returnDocument: "after" },
  ).lean();
  return updated ?? account;
}

/** The connected account a payout to this seller goes to, or null while they cannot be paid. */
export async function payoutDestination(sellerId: string): Promise<string | null> {
  const stored = await PayoutAccountModel.findById(sellerId).lean();
  if (!stored) return null;
  const account = await refreshed(stored);
  return account.payoutsEnabled ? account.stripeAccountId : null;
}

/** What the Earnings page says about where the seller's money goes. */
export async function payoutAccountView(sellerId: string): Promise<PayoutAccountView> {
  if (!gateway().connect) return { mode: "sandbox", status: "not_needed" };
  const stored = await PayoutAccountModel.findById(sellerId).lean();
  if (!stored) return { mode: "stripe", status: "not_started" };
  const account = await refreshed(stored);
  return { mode: "stripe", status: account.payoutsEnabled ? "ready" : "onboarding" };
}

/**
 * Where the seller goes to set up (or finish setting up) payouts: their Express account is
 * made once (the seller's id is its idempotency key and the stored account's key), and each
 * call gets a fresh single-use onboarding link back to Earnings.
 */
export async function onboardingUrl(seller: { id: string; email: string }): Promise<string> {
  const connect = gateway().connect;
  if (!connect) throw new DomainError(paymentErrors.PAYOUTS_NEED_NO_ACCOUNT);
  let stored = await PayoutAccountModel.findById(seller.id).lean();
  if (!stored) {
    const made = await connect.createAccount({
      sellerId: seller.id,
      email: seller.email,
      idempotencyKey: `connect-account:${seller.id}`,
    });
    await insertOnce(() =>
      PayoutAccountModel.create({
        _id: seller.id,
        stripeAccountId: made.id,
        payoutsEnabled: made.payoutsEnabled,
        detailsSubmitted: made.detailsSubmitted,
      }),
    );
    // Two tabs at once: both got the same account from Stripe; the first stored it.
    stored = await PayoutAccountModel.findById(seller.id).lean();
    if (!stored) throw new Error(`payout account of ${seller.id} not stored`);
  }
  const earnings = `${env.WEB_BASE_URL}/earnings`;
  const link = await connect.onboardingLink({
    accountId: stored.stripeAccountId,
    returnUrl: `${earnings}?payouts=returned`,
    refreshUrl: `${earnings}?payouts=expired`,
  });
  return link.url;
}
