import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, insertOnce, type Logger, outbox, RetryLater } from "@tx/service-kit";
import { ticketUpdated } from "../../domain/events";
import { OrderReplicaModel } from "../../models/order-replica";
import { TicketModel } from "../../models/ticket";

/** Reserves the listing for the order. Idempotent: a redelivery finds it already held. */
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
    const reserved = await outbox.update(
      TicketModel,
      { _id: ticket._id, version: ticket.version, status: "available" },
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
