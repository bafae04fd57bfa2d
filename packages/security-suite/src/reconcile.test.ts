import { randomBytes } from "node:crypto";
import type { AuthSession } from "@tx/api-contracts";
import {
  answerOf,
  listTicket,
  registerConfirmed,
  registerUsers,
  type Stack,
  serviceClient,
  startPurchaseStack,
  ticketStatus,
  waitFor,
} from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import type { TicketsRouter } from "@tx/tickets/router";
import { MongoClient, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_EMAIL } from "./fixtures";
import { report } from "./outage";

const PERIOD_S = 2;
const infra = withInfra(["mongo", "nats", "redis"]);
let stack: Stack;
let mongo: MongoClient;
let seller: AuthSession;

beforeAll(async () => {
  stack = await startPurchaseStack(infra.infra, {
    RECONCILE_INTERVAL_SECONDS: String(PERIOD_S),
    RECONCILE_GRACE_SECONDS: "1",
    OPERATOR_EMAILS: OPERATOR_EMAIL,
  });
  mongo = await MongoClient.connect(infra.infra.urls.MONGO_URL);
  [seller] = (await registerUsers(stack, "reconcile", 1)) as [AuthSession];
}, 180_000);
afterAll(async () => {
  await mongo?.close();
  await stack?.stop();
});

async function metricsOf(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

const fixesOf = (metrics: string, kind: string) =>
  Number(metrics.match(new RegExp(`reconciler_fixes_total\\{kind="${kind}"\\} (\\d+)`))?.[1] ?? 0);

describe("reconcilers and the figures to alert on", () => {
  it("releases a listing reserved by an order that does not exist within one reconciler period, and counts the fix", async () => {
    const listing = await listTicket(stack, seller, "Reserved by nobody");
    const before = fixesOf(await metricsOf(stack.urls.tickets), "reservation_without_order");
    // The inconsistency, written straight into the tickets service's store.
    await mongo
      .db("tx_tickets")
      .collection("tickets")
      .updateOne(
        { _id: new ObjectId(listing.id) },
        {
          $set: {
            status: "reserved",
            orderId: randomBytes(12).toString("hex"),
            updatedAt: new Date(Date.now() - 60_000),
          },
          $inc: { version: 1 },
        },
      );
    expect(await ticketStatus(stack, listing.id)).toBe("reserved");
    const written = Date.now();
    await waitFor(
      "the listing to be released",
      async () => {
        return (await ticketStatus(stack, listing.id)) === "available";
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const tookS = (Date.now() - written) / 1000;
    report(
      `reconciler: a listing reserved by no order released ${tookS.toFixed(1)} s after the write (period ${PERIOD_S} s)`,
    );
    expect(tookS).toBeLessThanOrEqual(PERIOD_S * 1.1 + 1.5);
    // The pass counts its fix once its write is acknowledged, which under load can come a
    // moment after the listing already reads as released: poll the count, do not race it.
    await waitFor(
      "the reconciler to count its fix",
      async () =>
        fixesOf(await metricsOf(stack.urls.tickets), "reservation_without_order") === before + 1,
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    const after = fixesOf(await metricsOf(stack.urls.tickets), "reservation_without_order");
    expect(after).toBe(before + 1);
  });

  it("exposes the figures to alert on in every service's /metrics", async () => {
    const orders = await metricsOf(stack.urls.orders);
    for (const name of [
      "consumer_pending_messages",
      "consumer_ack_pending_messages",
      "consumer_redelivered_messages",
      "events_redelivered_total",
      "dead_letters",
      "outbox_oldest_event_age_seconds",
      "outbox_pending_events",
      "consumers_paused",
      "reconciler_runs_total",
    ]) {
      expect(orders, name).toContain(`# TYPE ${name} `);
    }
    expect(orders).toMatch(/consumer_pending_messages\{durable="orders__ticket_created"\} \d+/);
    const expiration = await metricsOf(stack.urls.expiration);
    for (const state of ["waiting", "delayed", "active", "failed"]) {
      expect(expiration).toMatch(
        new RegExp(`queue_jobs\\{queue="order-expiration",state="${state}"\\} \\d+`),
      );
    }
  });

  it("shows an operator the same figures through operator.overview", async () => {
    const [olive] = (await registerConfirmed(stack, [
      {
        email: OPERATOR_EMAIL,
        name: "Olive",
        password: "correct horse battery staple",
      },
    ])) as [AuthSession];
    const res = await answerOf(
      serviceClient<TicketsRouter>(stack.urls.tickets, olive.accessToken).operator.overview.query(),
    );
    expect(res.status).toBe(200);
    expect(res.data?.reconcilerFixes).toContainEqual({
      kind: "reservation_without_order",
      count: 1,
    });
  });
});
