import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, insertOnce, type Logger, outbox, RetryLater } from "@tx/service-kit";
import { ticketUpdated } from "../../domain/events";
import { rejectionOf, reservationRejected } from "../../domain/reservation";
import { OrderReplicaModel } from "../../models/order-replica";
import { TicketModel } from "../../models/ticket";

/**
 * Reserves the listing for the order, but only the listing the buyer saw: not deleted,
 * and not changed by its seller since the version the order was made from. Otherwise
 * the reservation is rejected (an event that cancels the order and stops its payment).
 * Idempotent: a redelivery finds the order already handled.
 */
export async function onOrderCreated(event: Envelope<"order.created">, log: Logger): Promise<void> {
  const order = event.data;
  const known = await OrderReplicaModel.findById(order.id).lean();
  if (known) return; // already applied (or overtaken by a later version)

  const ticket = await TicketModel.findById(order.ticket.id).lean();
  if (!ticket) {
    log.warn({ orderId: order.id, ticketId: order.ticket.id }, "order for an unknown listing");
    throw new RetryLater("listing not known yet");
  }
  if (ticket.orderId !== order.id) {
    const rejection = rejectionOf(ticket, order.ticket.version);
    if (rejection) {
      // The record of the order and the rejection event, in one insert: a repeat finds it.
      const replica = new OrderReplicaModel({
        _id: order.id,
        ticketId: order.ticket.id,
        version: order.version,
        status: order.status,
        expiresAt: new Date(order.expiresAt),
        rejected: true,
      });
      await insertOnce(() => outbox.save(replica, [reservationRejected(order, ticket, rejection)]));
      log.info(
        {
          orderId: order.id,
          ticketId: order.ticket.id,
          rejection,
          orderedVersion: order.ticket.version,
        },
        "reservation rejected: the listing changed",
      );
      return;
    }
    if (ticket.status !== "available") {
      // Another order still holds it: its cancellation has not reached us yet.
      throw new RetryLater(`listing is ${ticket.status} for order ${ticket.orderId}`);
    }
    const next = {
      ...ticket,
      status: "reserved" as const,
      orderId: order.id,
      version: ticket.version + 1,
    };
    // Conditional on the version read: an edit or a deletion meanwhile makes this miss,
    // and the retry then rejects.
    const reserved = await outbox.update(
      TicketModel,
      { _id: ticket._id, version: ticket.version, status: "available", deletedAt: null },
      { $set: { status: "reserved", orderId: order.id }, $inc: { version: 1 } },
      [ticketUpdated(next, next.version)],
    );
    if (!reserved) throw new RetryLater("listing changed while reserving");
  }
  await insertOnce(() =>
    OrderReplicaModel.create({
      _id: order.id,
      ticketId: order.ticket.id,
      buyerId: order.userId,
      version: order.version,
      status: order.status,
      expiresAt: new Date(order.expiresAt),
    }),
  );
  log.info({ orderId: order.id, ticketId: order.ticket.id }, "listing reserved");
}

export const orderCreatedConsumer: ConsumerOptions<"order.created"> = {
  subject: "order.created",
  handle: onOrderCreated,
};
