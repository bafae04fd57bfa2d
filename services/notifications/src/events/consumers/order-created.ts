import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, insertOnce, type Logger } from "@tx/service-kit";
import { OrderReplicaModel } from "../../models/order";

/** Remembers what an order email will need; written once, a repeat changes nothing. */
export async function onOrderCreated(event: Envelope<"order.created">, log: Logger): Promise<void> {
  const order = event.data;
  const created = await insertOnce(() =>
    OrderReplicaModel.create({
      _id: order.id,
      version: order.version,
      userId: order.userId,
      status: order.status,
      expiresAt: new Date(order.expiresAt),
      ticketId: order.ticket.id,
      title: order.ticket.title,
      eventDate: new Date(order.ticket.eventDate),
      ...(order.ticket.timeZone ? { timeZone: order.ticket.timeZone } : {}),
      venue: order.ticket.venue,
      city: order.ticket.city,
      quantity: order.ticket.quantity,
      amount: order.ticket.price.amount,
      currency: order.ticket.price.currency,
    }),
  );
  if (created) log.info({ orderId: order.id }, "order replicated");
}

export const orderCreatedConsumer: ConsumerOptions<"order.created"> = {
  subject: "order.created",
  handle: onOrderCreated,
};
