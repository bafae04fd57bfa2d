/** Data for the figures: users and listings through the APIs, or bulk listings straight into the store. */
import { type AuthSession, type Listing, ListingFields } from "../packages/api-contracts/src/index";
import { connectDatabase, disconnectDatabase } from "../packages/service-kit/src/index";
import { registerUsers, trpcMutation } from "../packages/test-kit/src/index";
import { demoListings } from "../packages/test-kit/src/seed";
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

export { demoListings };
