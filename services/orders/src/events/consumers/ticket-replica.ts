import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, RetryLater } from "@tx/service-kit";
import { TicketReplicaModel } from "../../models/ticket-replica";
import { noteReservation } from "./reservation-confirmed";

type Snapshot = Envelope<"ticket.created">["data"] | Envelope<"ticket.updated">["data"];

const fields = (d: Snapshot) => ({
  version: d.version,
  title: d.title,
  currency: d.price.currency,
  price: d.price.amount,
  quantity: d.quantity,
  total: d.total.amount,
  eventDate: new Date(d.eventDate),
  venue: d.venue,
  city: d.city,
  sellerId: d.sellerId,
  status: d.status,
});

/**
 * Applies version n only on top of n-1. A repeat (version already there) is acknowledged;
 * a gap (n-1 not there yet) is retried later, never dropped.
 */
async function applyInOrder(
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<void> {
  const applied = await TicketReplicaModel.updateOne(
    { _id: id, version: version - 1 },
    { $set: set },
  );
  if (applied.matchedCount === 1) return;
  const current = await TicketReplicaModel.findById(id, { version: 1 }).lean();
  if (current && current.version >= version) return;
  throw new RetryLater(`ticket ${id} is at ${current?.version ?? "none"}, event is ${version}`);
}

export const ticketCreatedConsumer: ConsumerOptions<"ticket.created"> = {
  subject: "ticket.created",
  handle: async (event) => {
    await TicketReplicaModel.create({ _id: event.data.id, ...fields(event.data) }).catch(
      (err: { code?: number }) => {
        if (err.code !== 11000) throw err; // a repeat: already there
      },
    );
  },
};

export const ticketUpdatedConsumer: ConsumerOptions<"ticket.updated"> = {
  subject: "ticket.updated",
  handle: async (event) => {
    await applyInOrder(event.data.id, event.data.version, fields(event.data));
    await noteReservation(event.data);
  },
};

export const ticketDeletedConsumer: ConsumerOptions<"ticket.deleted"> = {
  subject: "ticket.deleted",
  handle: async (event) =>
    applyInOrder(event.data.id, event.data.version, { version: event.data.version, deleted: true }),
};
