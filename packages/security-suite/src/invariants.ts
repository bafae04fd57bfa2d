import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { DEAD_LETTER_STREAM, EVENTS_STREAM } from "@tx/api-contracts";
import { MongoClient } from "mongodb";

/** The databases that hold an outbox, and the collection where each keeps it. */
const outboxes = [
  ["tx_auth", "users"],
  ["tx_tickets", "tickets"],
  ["tx_orders", "orders"],
  ["tx_payments", "payments"],
  ["tx_payments", "ledger"],
] as const;

export type Snapshot = {
  pendingOutbox: number;
  pendingConsumers: { durable: string; pending: number; ackPending: number }[];
  deadLetters: { durable: string; error: string }[];
  orders: { _id: string; ticketId: string; status: string; liveTicketId?: string }[];
  tickets: { _id: string; status: string; orderId?: string; delivery?: { state?: string } }[];
  payments: { orderId: string; status: string; intentId: string }[];
  /** What the sandbox gateway holds on the provider's side. */
  intents: { _id: string; status: string; orderId: string; refundId: string | null }[];
  /** Issue 22: the sellers' ledger. */
  ledger: { _id: string; kind: string; orderId?: string }[];
};

/** Reads every service's state straight from its store: the test's view, not a service's. */
export async function snapshot(mongoUrl: string, natsUrl: string): Promise<Snapshot> {
  const mongo = await MongoClient.connect(mongoUrl);
  const nc = await connect({ servers: natsUrl });
  try {
    let pendingOutbox = 0;
    for (const [db, coll] of outboxes) {
      pendingOutbox += await mongo
        .db(db)
        .collection(coll)
        .countDocuments({ "outbox.0": { $exists: true } });
    }
    const jsm = await jetstreamManager(nc);
    const pendingConsumers = [];
    for await (const c of jsm.consumers.list(EVENTS_STREAM)) {
      pendingConsumers.push({
        durable: c.name,
        pending: c.num_pending,
        ackPending: c.num_ack_pending,
      });
    }
    const deadLetters: Snapshot["deadLetters"] = [];
    const info = await jsm.streams.info(DEAD_LETTER_STREAM).catch(() => null);
    for (let seq = info?.state.first_seq ?? 1; info && seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => null);
      if (m) deadLetters.push(m.json<{ durable: string; error: string }>());
    }
    const find = <T>(db: string, coll: string) =>
      mongo.db(db).collection(coll).find({}).toArray() as Promise<T[]>;
    return {
      pendingOutbox,
      pendingConsumers,
      deadLetters,
      orders: (await find<Snapshot["orders"][number]>("tx_orders", "orders")).map((o) => ({
        ...o,
        _id: String(o._id),
      })),
      tickets: (await find<Snapshot["tickets"][number]>("tx_tickets", "tickets")).map((t) => ({
        ...t,
        _id: String(t._id),
      })),
      payments: await find<Snapshot["payments"][number]>("tx_payments", "payments"),
      intents: await find<Snapshot["intents"][number]>("tx_payments", "sandbox_intents"),
      ledger: await find<Snapshot["ledger"][number]>("tx_payments", "ledger"),
    };
  } finally {
    await mongo.close();
    await nc.close();
  }
}

const OPEN = new Set(["requires_payment_method", "requires_action", "processing"]);

export const quiet = (s: Snapshot) =>
  s.pendingOutbox === 0 && s.pendingConsumers.every((c) => c.pending === 0 && c.ackPending === 0);

/** No transfer is still running to its deadline: what the sweep will change has changed. */
export const deliveriesSettled = (s: Snapshot) =>
  s.tickets.every((t) => t.delivery?.state !== "transfer_requested");

/** What must hold however the services died: returns the violations, empty when all is well. */
export function violations(s: Snapshot): string[] {
  const problems: string[] = [];
  const tickets = new Map(s.tickets.map((t) => [t._id, t]));
  const orders = new Map(s.orders.map((o) => [o._id, o]));
  const completeByTicket = new Map<string, number>();
  for (const o of s.orders) {
    const t = tickets.get(o.ticketId);
    if (o.status === "complete") {
      completeByTicket.set(o.ticketId, (completeByTicket.get(o.ticketId) ?? 0) + 1);
      if (t?.status !== "sold" || t.orderId !== o._id)
        problems.push(`complete order ${o._id}: listing is ${t?.status} for ${t?.orderId}`);
    }
    if (o.status === "awaiting_payment" && (t?.status !== "reserved" || t.orderId !== o._id)) {
      problems.push(`live order ${o._id}: listing is ${t?.status} for ${t?.orderId}`);
    }
    // A sale whose transfer never came stays with its refunded order, as the sale that failed.
    const failedSale = o.status === "refunded" && t?.delivery?.state === "failed";
    if (
      (o.status === "cancelled" || o.status === "refunded") &&
      t?.orderId === o._id &&
      !failedSale
    ) {
      problems.push(`ended order ${o._id} still holds its listing (${t.status})`);
    }
    // Issue 21: a sale always starts its delivery (files ready, or a transfer requested).
    if (o.status === "complete" && t?.orderId === o._id && !t.delivery?.state) {
      problems.push(`complete order ${o._id} has no delivery state`);
    }
  }
  // Issue 21: no failed delivery keeps the buyer's money.
  const payments = new Map(s.payments.map((p) => [p.orderId, p]));
  for (const t of s.tickets) {
    if (t.delivery?.state !== "failed") continue;
    const paid = payments.get(t.orderId ?? "");
    const order = orders.get(t.orderId ?? "");
    if (paid?.status !== "refunded" || order?.status !== "refunded") {
      problems.push(
        `failed delivery of ${t._id}: payment ${paid?.status}, order ${order?.status} (not refunded)`,
      );
    }
  }
  // Issue 22: every sale exactly one credit, every refunded sale a reversal, nothing else.
  const entries = (kind: string) => {
    const count = new Map<string, number>();
    for (const e of s.ledger) {
      if (e.kind === kind) count.set(e.orderId ?? "", (count.get(e.orderId ?? "") ?? 0) + 1);
    }
    return count;
  };
  const credits = entries("credit");
  const reversals = entries("reversal");
  for (const t of s.tickets) {
    const o = orders.get(t.orderId ?? "");
    if (!o || t.status !== "sold" || !t.delivery?.state) continue;
    if (credits.get(o._id) !== 1)
      problems.push(`sale ${o._id} has ${credits.get(o._id) ?? 0} credits (not 1)`);
    if (o.status === "refunded" && reversals.get(o._id) !== 1)
      problems.push(`refunded sale ${o._id} has ${reversals.get(o._id) ?? 0} reversals (not 1)`);
  }
  for (const [orderId] of credits) {
    const o = orders.get(orderId);
    if (o?.status !== "complete" && o?.status !== "refunded")
      problems.push(`credit for order ${orderId}, which is ${o?.status}`);
  }
  for (const [orderId] of reversals) {
    if (orders.get(orderId)?.status !== "refunded" || !credits.has(orderId))
      problems.push(`reversal for order ${orderId}, not a refunded sale`);
  }
  for (const [ticketId, n] of completeByTicket)
    if (n > 1) problems.push(`listing ${ticketId} sold ${n} times`);
  for (const t of s.tickets) {
    if (t.status !== "available" && !orders.has(t.orderId ?? ""))
      problems.push(`listing ${t._id} is ${t.status} for no order`);
  }
  for (const p of s.payments) {
    const o = orders.get(p.orderId);
    if (p.status === "succeeded" && o?.status !== "complete")
      problems.push(`payment for ${p.orderId} succeeded but order is ${o?.status}`);
    if (p.status === "refunded" && o?.status !== "refunded")
      problems.push(`payment for ${p.orderId} refunded but order is ${o?.status}`);
    // An ended order's intent is cancelled (or settled): nothing can be charged for it later.
    if (OPEN.has(p.status) && o && o.status !== "awaiting_payment")
      problems.push(`payment for ${o.status} order ${p.orderId} is still ${p.status}`);
  }
  const paymentsByIntent = new Map(s.payments.map((p) => [p.intentId, p]));
  for (const i of s.intents) {
    const p = paymentsByIntent.get(i._id);
    // No charge is ever left unsettled: a charge is a completed order or a refund.
    if (i.status === "succeeded" && p?.status !== "succeeded" && p?.status !== "refunded")
      problems.push(`charge ${i._id} for order ${i.orderId} is unsettled (payment ${p?.status})`);
    if (p?.status === "refunded" && !i.refundId)
      problems.push(`payment for ${i.orderId} refunded but the charge ${i._id} was not`);
  }
  return problems;
}

/**
 * Polls the stores until the system has healed: outboxes empty, every consumer caught up,
 * no order left awaiting payment, every invariant holding. Returns the snapshot and how
 * long it took; on timeout, the last snapshot (the test then shows what still fails).
 */
export async function waitUntilSettled(
  mongoUrl: string,
  natsUrl: string,
  timeoutMs: number,
  /** What else must be true of the stores (a test's own condition). */
  also: (s: Snapshot) => boolean = () => true,
): Promise<{ snapshot: Snapshot; ms: number; settled: boolean }> {
  const started = Date.now();
  let last: Snapshot | undefined;
  while (Date.now() - started < timeoutMs) {
    try {
      last = await snapshot(mongoUrl, natsUrl);
      const done =
        quiet(last) &&
        last.orders.every((o) => o.status !== "awaiting_payment") &&
        violations(last).length === 0 &&
        also(last);
      if (done) return { snapshot: last, ms: Date.now() - started, settled: true };
    } catch {
      // A store still coming back: look again.
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  last ??= await snapshot(mongoUrl, natsUrl);
  return { snapshot: last, ms: Date.now() - started, settled: false };
}

export function statusCounts(s: Snapshot): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of s.orders) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}
