import type { CreateOrderInput, Order } from "@tx/api-contracts";
import { type AuthedContext, DomainError, isDuplicateKey, outbox } from "@tx/service-kit";
import { orderErrors } from "../domain/errors";
import { orderCreated, toOrder } from "../domain/order";
import { env } from "../env";
import { OrderModel } from "../models/order";
import { TicketReplicaModel } from "../models/ticket-replica";

/**
 * Holds a listing for the buyer. Many buyers may race here: the unique index on
 * liveTicketId lets exactly one insert through; the others get a clear CONFLICT.
 */
export async function createOrder(ctx: AuthedContext, input: CreateOrderInput): Promise<Order> {
  const ticket = await TicketReplicaModel.findById(input.ticketId).lean();
  if (!ticket || ticket.deleted) throw new DomainError("NOT_FOUND", "This listing does not exist.");
  if (ticket.sellerId === ctx.user.id) {
    throw new DomainError("FORBIDDEN", "You cannot buy your own listing.");
  }
  if (ticket.status === "sold") throw new DomainError("CONFLICT", "This listing is sold.");
  if (ticket.eventDate.getTime() <= Date.now()) {
    throw new DomainError("CONFLICT", "This event has already happened.");
  }

  const now = new Date();
  const order = new OrderModel({
    userId: ctx.user.id,
    ticketId: ticket._id,
    liveTicketId: ticket._id,
    status: "awaiting_payment",
    expiresAt: new Date(now.getTime() + env.ORDER_HOLD_SECONDS * 1000),
    eventName: ticket.title,
    eventDate: ticket.eventDate,
    timeZone: ticket.timeZone ?? "UTC",
    venue: ticket.venue,
    city: ticket.city,
    quantity: ticket.quantity,
    currency: ticket.currency,
    price: ticket.price,
    total: ticket.total,
    version: 0,
    timeline: [
      { at: now, status: "awaiting_payment", note: "Tickets held for you while you pay." },
    ],
  });
  try {
    await outbox.save(order, [orderCreated(order)]);
  } catch (err) {
    if (isDuplicateKey(err)) throw new DomainError(orderErrors.TICKET_JUST_RESERVED);
    throw err;
  }
  ctx.log.info({ orderId: order.id, ticketId: ticket._id }, "order created");
  return toOrder(order.toObject());
}
