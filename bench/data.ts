/** Data for the figures: users and listings through the APIs, or bulk listings straight into the store. */
import {
  type AuthSession,
  type Envelope,
  type Listing,
  ListingFields,
} from "../packages/api-contracts/src/index";
import {
  connectDatabase,
  createLogger,
  disconnectDatabase,
  EventBus,
} from "../packages/service-kit/src/index";
import { registerUsers, trpcMutation } from "../packages/test-kit/src/index";
import { demoListings } from "../packages/test-kit/src/seed";
import { ticketCreated } from "../services/tickets/src/domain/events";
import { fieldsToDocument } from "../services/tickets/src/domain/listing";
import { TicketModel } from "../services/tickets/src/models/ticket";
import type { Phase } from "./harness";
import { bounded, sleep } from "./load";

export { registerUsers };

/** This process's own connection to the phase's database server (mongoose's default connection). */
export async function connectStore(phase: Phase): Promise<void> {
  await connectDatabase(phase.infra.urls.MONGO_URL, "tx_tickets");
  phase.resources.add("bench database connection", () => disconnectDatabase());
}

export const ObjectId = TicketModel.base.Types.ObjectId;

/** A service's database, through the same client. */
export function database(name: "tx_tickets" | "tx_orders" | "tx_payments") {
  return TicketModel.db.getClient().db(name);
}

/** Listings created through tickets.create, as sellers do, so that every replica hears of them. */
export async function createListings(
  phase: Phase,
  seller: AuthSession,
  count: number,
  label: string,
): Promise<Listing[]> {
  const inputs = demoListings(count);
  const listings: Listing[] = [];
  const errors: string[] = [];
  const result = await bounded(
    { count, concurrency: 8, maxMs: 300_000 },
    async (i) => {
      const input = { ...inputs[i], eventName: `${label} ${i}` };
      const res = await trpcMutation<Listing>(
        phase.stack.urls.tickets,
        "create",
        input,
        seller.accessToken,
      );
      if (!res.data) throw new Error(`tickets.create: ${res.error?.message}`);
      listings.push(res.data);
    },
    errors,
  );
  if (result.done !== count) {
    throw new Error(`created ${result.done} of ${count} listings: ${errors.join("; ")}`);
  }
  return listings;
}

/**
 * Waits until the orders service's replica holds every one of these listings. Reads by _id
 * only: FerretDB answers those from its index, where an `$in` count would scan.
 */
export async function waitForOrdersReplica(ids: string[], timeoutMs = 180_000): Promise<void> {
  const replicas = database("tx_orders").collection<{ _id: string }>("ticketreplicas");
  let missing = [...ids];
  const deadline = performance.now() + timeoutMs;
  while (missing.length > 0 && performance.now() < deadline) {
    const still: string[] = [];
    for (const id of missing) {
      if (!(await replicas.findOne({ _id: id }, { projection: { _id: 1 } }))) still.push(id);
    }
    missing = still;
    if (missing.length > 0) await sleep(500);
  }
  if (missing.length > 0) {
    throw new Error(`the orders replica lacks ${missing.length} of ${ids.length} listings`);
  }
}

/**
 * Writes listings straight into the tickets service's collection, in batches, with the exact
 * document the service writes (fieldsToDocument, the Ticket model's defaults and timestamps)
 * but no ticket.created event: creating 100,000 through the API would take most of the run.
 */
export async function insertListings(
  seller: { id: string; name: string },
  inputs: ReturnType<typeof demoListings>,
  batchSize = 1_000,
): Promise<void> {
  for (let i = 0; i < inputs.length; i += batchSize) {
    const docs = inputs.slice(i, i + batchSize).map((input) => ({
      ...fieldsToDocument(ListingFields.parse(input)),
      sellerId: seller.id,
      sellerName: seller.name,
      status: "available" as const,
      version: 0,
    }));
    await TicketModel.insertMany(docs, { ordered: false });
  }
}

/**
 * Listings as the tickets service writes them, with their ticket.created published the way its
 * outbox relay publishes it (the service's own event builder, awaited, with Nats-Msg-Id), so
 * that the orders replica fills through its consumer. Much faster than tickets.create on
 * FerretDB, where each create's outbox $pop scans the collection.
 */
export async function seedListingsWithEvents(
  phase: Phase,
  seller: AuthSession,
  count: number,
  label: string,
): Promise<{ id: string }[]> {
  const docs = demoListings(count).map(
    (input, i) =>
      new TicketModel({
        ...fieldsToDocument(ListingFields.parse({ ...input, eventName: `${label} ${i}` })),
        sellerId: seller.user.id,
        sellerName: seller.user.name,
        status: "available",
        version: 0,
      }),
  );
  for (let i = 0; i < docs.length; i += 1_000) {
    await TicketModel.insertMany(docs.slice(i, i + 1_000), { ordered: false });
  }
  const bus = await EventBus.connect({
    servers: phase.infra.urls.NATS_URL,
    service: "bench-seed",
    log: createLogger("bench-seed", "warn"),
  });
  try {
    await bounded({ count: docs.length, concurrency: 16, maxMs: 120_000 }, async (i) => {
      const doc = docs[i];
      if (doc) await bus.publish(JSON.parse(ticketCreated(doc).envelope) as Envelope);
    });
  } finally {
    await bus.close();
  }
  return docs.map((d) => ({ id: d._id.toString() }));
}

export { demoListings };
