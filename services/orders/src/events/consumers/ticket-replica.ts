import type { Envelope } from "@tx/api-contracts";
import { applyInOrder, type ConsumerOptions, insertOnce } from "@tx/service-kit";
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
  buyerFee: d.buyerFee?.amount ?? 0,
  eventDate: new Date(d.eventDate),
  ...(d.timeZone ? { timeZone: d.timeZone } : {}),
  venue: d.venue,
  city: d.city,
  sellerId: d.sellerId,
  status: d.status,
});

export const ticketCreatedConsumer: ConsumerOptions<"ticket.created"> = {
  subject: "ticket.created",
  handle: async (event) => {
    // A repeat finds it already there.
    await insertOnce(() =>
      TicketReplicaModel.create({ _id: event.data.id, ...fields(event.data) }),
    );
  },
};

export const ticketUpdatedConsumer: ConsumerOptions<"ticket.updated"> = {
  subject: "ticket.updated",
  handle: async (event) => {
    await applyInOrder(TicketReplicaModel, event.data.id, event.data.version, fields(event.data));
    await noteReservation(event.data);
  },
};

export const ticketDeletedConsumer: ConsumerOptions<"ticket.deleted"> = {
  subject: "ticket.deleted",
  handle: async (event) => {
    await applyInOrder(TicketReplicaModel, event.data.id, event.data.version, { deleted: true });
  },
};
