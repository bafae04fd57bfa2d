import path from "node:path";
import type { AuthSession, Listing } from "@tx/api-contracts";
import type { PaymentsRouter } from "@tx/payments/router";
import {
  listTicket,
  registerUsers,
  type Stack,
  serviceClient,
  startStack,
  trpcQuery,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buy } from "./fixtures";

/**
 * Issue 22: all-in prices. With a buyer's fee (BUYER_FEE_BPS 1000 here), the listing's price
 * the buyer sees already holds it, the order charges exactly that, and the seller is credited
 * on their own price, less the platform's fee: through the services, as a client calls them.
 */
const infra = withInfra();
let stack: Stack;
let seller: AuthSession;
let buyer: AuthSession;

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    services: ["auth", "tickets", "orders", "payments", "expiration"],
    env: { LOG_LEVEL: "warn", BUYER_FEE_BPS: "1000", PLATFORM_FEE_BPS: "1000" },
  });
  [seller, buyer] = (await registerUsers(stack, "allin", 2)) as [AuthSession, AuthSession];
}, 180_000);
afterAll(async () => stack?.stop());

const usd = (amount: number) => ({ amount, currency: "USD" });

describe("all-in prices (a 10 % buyer's fee)", () => {
  it("shows, charges and credits the same money from the listing to the seller's ledger", async () => {
    // Two tickets at the seller's $50.00.
    const listed = await listTicket(stack, seller, "All-in");
    const listing = (await trpcQuery<Listing>(stack.urls.tickets, "get", { id: listed.id })).data;
    expect(listing).toMatchObject({
      price: usd(5_000),
      total: usd(10_000),
      buyerPrice: usd(5_500),
      buyerFee: usd(500),
      buyerTotal: usd(11_000),
    });
    const order = await buy(stack, buyer, listed);
    expect(order).toMatchObject({ price: usd(5_500), total: usd(11_000), buyerFee: usd(1_000) });
    const payments = serviceClient<PaymentsRouter>(stack.urls.payments, buyer.accessToken);
    expect(await payments.get.query({ orderId: order.id })).toMatchObject({
      amount: usd(11_000),
    });
    // The seller's credit: their $100.00, less the platform's 10 %; the buyer's fee is not theirs.
    const sellerPayments = serviceClient<PaymentsRouter>(stack.urls.payments, seller.accessToken);
    const earnings = await waitFor(
      "the sale credited",
      async () => {
        const e = await sellerPayments.payouts.earnings.query({});
        return e.accounts[0]?.sales.length ? e : null;
      },
      { timeoutMs: 30_000 },
    );
    expect(earnings.accounts[0]?.sales[0]).toMatchObject({
      orderId: order.id,
      price: usd(10_000),
      fee: usd(1_000),
      net: usd(9_000),
    });
  });
});
