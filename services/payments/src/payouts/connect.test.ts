import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@tx/service-kit";
import type { connectServiceForTest } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPaymentsForTest } from "../testing/env";

/**
 * Payouts with Stripe keys: Connect Express onboarding and transfers, against a local stand-in
 * for api.stripe.com (the SDK's host/port options), on the real database and bus.
 */
const infra = withInfra(["mongo", "nats"]);
const log = createLogger("test", "silent");
const HOUR = 3_600_000;

type StubAccount = { id: string; payouts_enabled: boolean; details_submitted: boolean };
type StubTransfer = {
  id: string;
  amount: number;
  currency: string;
  destination: string;
  group: string;
};
const accounts = new Map<string, StubAccount>();
const transfers: StubTransfer[] = [];
const accountPosts: URLSearchParams[] = [];
const linkPosts: URLSearchParams[] = [];
/** Stripe's idempotency: the same key answers the first request's response. */
const answered = new Map<string, string>();
/** Makes the next transfer, then fails the request as a crash or a lost answer would. */
let loseNextTransferAnswer = false;

const stub = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => {
    raw += c;
  });
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://stub");
    const body = new URLSearchParams(raw);
    const key = req.headers["idempotency-key"];
    res.setHeader("content-type", "application/json");
    const send = (value: unknown) => {
      const json = JSON.stringify(value);
      if (typeof key === "string") answered.set(`${url.pathname}:${key}`, json);
      res.end(json);
    };
    const earlier = typeof key === "string" && answered.get(`${url.pathname}:${key}`);
    if (req.method === "POST" && earlier) {
      res.end(earlier);
      return;
    }
    const account = (a: StubAccount) => ({ object: "account", type: "express", ...a });
    if (req.method === "POST" && url.pathname === "/v1/accounts") {
      accountPosts.push(body);
      const made = {
        id: `acct_stub_${accounts.size + 1}`,
        payouts_enabled: false,
        details_submitted: false,
      };
      accounts.set(made.id, made);
      send(account(made));
      return;
    }
    const accountId = url.pathname.match(/^\/v1\/accounts\/(acct_[a-z_0-9]+)$/)?.[1];
    if (req.method === "GET" && accountId && accounts.has(accountId)) {
      send(account(accounts.get(accountId) as StubAccount));
      return;
    }
    if (req.method === "POST" && url.pathname === "/v1/account_links") {
      linkPosts.push(body);
      send({
        object: "account_link",
        url: `https://connect.stripe.com/setup/e/${body.get("account")}/${linkPosts.length}`,
        created: 1,
        expires_at: 2,
      });
      return;
    }
    if (url.pathname === "/v1/transfers" && req.method === "GET") {
      const group = url.searchParams.get("transfer_group");
      const data = transfers
        .filter((t) => t.group === group)
        .map((t) => ({ object: "transfer", transfer_group: t.group, ...t }));
      res.end(JSON.stringify({ object: "list", data, has_more: false, url: "/v1/transfers" }));
      return;
    }
    if (url.pathname === "/v1/transfers" && req.method === "POST") {
      const made = {
        id: `tr_stub_${transfers.length + 1}`,
        amount: Number(body.get("amount")),
        currency: body.get("currency") ?? "",
        destination: body.get("destination") ?? "",
        group: body.get("transfer_group") ?? "",
      };
      transfers.push(made);
      if (loseNextTransferAnswer) {
        loseNextTransferAnswer = false;
        res.statusCode = 500;
        res.setHeader("stripe-should-retry", "false");
        res.end(JSON.stringify({ error: { type: "api_error", message: "lost answer" } }));
        return;
      }
      send({ object: "transfer", transfer_group: made.group, ...made });
      return;
    }
    res.statusCode = 404;
    res.end(
      JSON.stringify({ error: { type: "invalid_request_error", message: `no ${url.pathname}` } }),
    );
  });
});

let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
// Loaded after the environment is set: the modules read their configuration on import.
let connect: typeof import("./connect");
let run: typeof import("./run");
let ledger: typeof import("../domain/ledger");
let oid: () => string;
let models: {
  LedgerEntryModel: typeof import("../models/ledger-entry")["LedgerEntryModel"];
  PayoutAccountModel: typeof import("../models/payout-account")["PayoutAccountModel"];
  PaymentModel: typeof import("../models/payment")["PaymentModel"];
  OrderReplicaModel: typeof import("../models/order-replica")["OrderReplicaModel"];
};

beforeAll(async () => {
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  conn = await connectPaymentsForTest(infra.infra.urls, {
    REDIS_URL: "redis://127.0.0.1:1",
    WEB_BASE_URL: "https://tickets.example",
    STRIPE_SECRET_KEY: "sk_test_stub",
    STRIPE_PUBLISHABLE_KEY: "pk_test_stub",
    STRIPE_WEBHOOK_SECRET: "whsec_stub",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String((stub.address() as AddressInfo).port),
    STRIPE_API_PROTOCOL: "http",
    PLATFORM_FEE_BPS: "1000",
    PAYOUT_HOLD_HOURS: "24",
    PAYOUT_MINIMUM: "500",
  });
  connect = await import("./connect");
  run = await import("./run");
  ledger = await import("../domain/ledger");
  ({ oid } = await import("../ledger-fixtures"));
  models = {
    ...(await import("../models/ledger-entry")),
    ...(await import("../models/payout-account")),
    ...(await import("../models/payment")),
    ...(await import("../models/order-replica")),
  };
});
afterAll(async () => {
  await conn.close();
  await new Promise((resolve) => stub.close(resolve));
});

/** A sale paid through Stripe, credited and confirmed, for an event 30 hours ago. */
async function confirmedSale(sellerId: string, price: number) {
  const orderId = oid();
  await models.OrderReplicaModel.create({
    _id: orderId,
    userId: oid(),
    ticketId: oid(),
    title: "Connect test",
    amount: price,
    currency: "USD",
    status: "complete",
    expiresAt: new Date(),
    eventDate: new Date(Date.now() - 30 * HOUR),
    version: 1,
  });
  await models.PaymentModel.create({
    _id: orderId,
    orderId,
    userId: oid(),
    intentId: `pi_${orderId}`,
    mode: "stripe",
    amount: price,
    currency: "USD",
    status: "succeeded",
  });
  const at = new Date().toISOString();
  await ledger.creditSale({ orderId, ticketId: oid(), sellerId, at }, log);
  await ledger.releaseSale(orderId, new Date(), log);
  return orderId;
}

/** A seller who finished Stripe's onboarding. */
async function onboardedSeller() {
  const seller = { id: oid(), email: `seller-${oid().slice(0, 6)}@example.com`, name: "Sam" };
  await connect.onboardingUrl(seller);
  const stored = await models.PayoutAccountModel.findById(seller.id).lean();
  const account = accounts.get(stored?.stripeAccountId ?? "");
  if (!account) throw new Error("no stub account");
  account.payouts_enabled = true;
  account.details_submitted = true;
  return { ...seller, accountId: account.id };
}

const entriesOf = (sellerId: string, kind: "payout" | "transfer") =>
  models.LedgerEntryModel.find({ sellerId, kind }).lean();

describe("payouts through Stripe Connect Express", () => {
  it("onboarding makes one Express account per seller, however often and at once it starts", async () => {
    const seller = { id: oid(), email: "rita@example.com", name: "Rita" };
    expect(await connect.payoutAccountView(seller.id)).toEqual({
      mode: "stripe",
      status: "not_started",
    });
    const before = accountPosts.length;
    const urls = await Promise.all([connect.onboardingUrl(seller), connect.onboardingUrl(seller)]);
    const stored = await models.PayoutAccountModel.find({ _id: seller.id }).lean();
    expect(stored).toHaveLength(1);
    const accountId = stored[0]?.stripeAccountId as string;
    for (const url of urls) expect(url).toMatch(`https://connect.stripe.com/setup/e/${accountId}/`);
    // Both requests carried the seller's key, so Stripe made one account.
    const posts = accountPosts.slice(before);
    expect(new Set(posts.map((p) => p.get("metadata[sellerId]")))).toEqual(new Set([seller.id]));
    expect(posts.every((p) => p.get("type") === "express")).toBe(true);
    expect([...accounts.keys()].filter((id) => id === accountId)).toHaveLength(1);
    const link = linkPosts.at(-1);
    expect(link?.get("return_url")).toBe("https://tickets.example/earnings?payouts=returned");
    expect(link?.get("refresh_url")).toBe("https://tickets.example/earnings?payouts=expired");
    expect(await connect.payoutAccountView(seller.id)).toMatchObject({ status: "onboarding" });
    const account = accounts.get(accountId) as StubAccount;
    account.payouts_enabled = true;
    expect(await connect.payoutAccountView(seller.id)).toMatchObject({ status: "ready" });
  });

  it("a seller who has not finished onboarding is not paid: the money stays available", async () => {
    const seller = { id: oid(), email: "nina@example.com", name: "Nina" };
    await connect.onboardingUrl(seller);
    await confirmedSale(seller.id, 10_000);
    expect(await run.payOutSellers([seller.id], new Date(), log)).toBe(0);
    expect(await entriesOf(seller.id, "payout")).toHaveLength(0);
    const [account] = await run.accountsOf(seller.id, new Date());
    expect(account).toMatchObject({ available: 9_000, paid: 0 });
  });

  it("pays a ready seller by one transfer to their account, however often the run fires", async () => {
    const seller = await onboardedSeller();
    const sale = await confirmedSale(seller.id, 10_000);
    await Promise.all([
      run.runPayouts(new Date(), log),
      run.runPayouts(new Date(), log),
      run.payOutSellers([seller.id], new Date(), log),
    ]);
    const sent = transfers.filter((t) => t.destination === seller.accountId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ amount: 9_000, currency: "usd" });
    const [payout] = await entriesOf(seller.id, "payout");
    expect(payout).toMatchObject({ amount: 9_000, orderIds: [sale], mode: "stripe" });
    expect(sent[0]?.group).toBe(payout?._id);
    const [transfer] = await entriesOf(seller.id, "transfer");
    expect(transfer).toMatchObject({ payoutId: payout?._id, providerRef: sent[0]?.id });
    const [account] = await run.accountsOf(seller.id, new Date());
    expect(account).toMatchObject({ available: 0, paid: 9_000, balance: 0 });
    expect(account?.payouts).toEqual([expect.objectContaining({ status: "sent", amount: 9_000 })]);
  });

  it("after a crash between the transfer and its record, the next run records it and sends no second", async () => {
    const seller = await onboardedSeller();
    await confirmedSale(seller.id, 20_000);
    loseNextTransferAnswer = true;
    await expect(run.payOutSellers([seller.id], new Date(), log)).rejects.toThrow();
    // The payout is decided (the money left the balance) and Stripe made the transfer, but
    // nothing here knows its id yet: Earnings says it is being sent.
    const [stuck] = await run.accountsOf(seller.id, new Date());
    expect(stuck?.payouts).toEqual([
      expect.objectContaining({ status: "sending", amount: 18_000 }),
    ]);
    expect(await entriesOf(seller.id, "transfer")).toHaveLength(0);
    // Another sale lands before the next run: it goes in a payout of its own.
    await confirmedSale(seller.id, 5_000);
    await run.runPayouts(new Date(), log);
    const sent = transfers.filter((t) => t.destination === seller.accountId);
    expect(sent.map((t) => t.amount).sort()).toEqual([18_000, 4_500].sort());
    const recorded = await entriesOf(seller.id, "transfer");
    expect(recorded.map((t) => t.providerRef).sort()).toEqual(sent.map((t) => t.id).sort());
    const [account] = await run.accountsOf(seller.id, new Date());
    expect(account).toMatchObject({ available: 0, paid: 22_500 });
    expect(account?.payouts.map((p) => p.status)).toEqual(["sent", "sent"]);
  });
});
