import type { CreateOrderInput, Order } from "@tx/api-contracts";
import { type AuthedContext, DomainError, isDuplicateKey, outbox } from "@tx/service-kit";
import { orderErrors } from "../domain/errors";
import { assertNoCooldown, takeHoldSlot, withdrawOrder } from "../domain/fair-holds";
import { orderCreated, toOrder } from "../domain/order";
import { env } from "../env";
import { OrderModel } from "../models/order";
import { TicketReplicaModel } from "../models/ticket-replica";
import { limits } from "../runtime";

/**
 * Holds a listing for the buyer. Many buyers may race here: the unique index on
 * liveTicketId lets exactly one insert through; the others get a clear CONFLICT. Each
 * buyer has ORDER_MAX_LIVE_HOLDS hold slots: a buyer with none free is refused, however
 * many creates they send at once. A buyer who already holds the listing (a second tab, a
 * Purchase pressed again after going back) gets that order again: it is theirs to pay.
 */
export async function createOrder(ctx: AuthedContext, input: CreateOrderInput): Promise<Order> {
  const ticket = await TicketReplicaModel.findById(input.ticketId).lean();
  if (!ticket || ticket.deleted) throw new DomainError("NOT_FOUND", "This listing does not exist.");
  if (ticket.sellerId === ctx.user.id) {
    throw new DomainError("FORBIDDEN", "You cannot buy your own listing.");
  }
  const held = await ownLiveOrder(ctx.user.id, ticket._id);
  if (held) return toOrder(held);
  if (ticket.status === "sold") throw new DomainError("CONFLICT", "This listing is sold.");
  if (ticket.eventDate.getTime() <= Date.now()) {
    throw new DomainError("CONFLICT", "This event has already happened.");
  }
  // Counted once the request could hold something: refusals above cost no allowance.
  await limits.get().create.take(ctx.user.id, ctx.clientIp);
  await assertNoCooldown(ctx.user.id, ticket._id, env.HOLD_COOLDOWN_SECONDS);

  const now = new Date();
  const order = new OrderModel({
    userId: ctx.user.id,
    ticketId: ticket._id,
    liveTicketId: ticket._id,
    listingVersion: ticket.version,
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
    buyerFee: (ticket.buyerFee ?? 0) * ticket.quantity,
    version: 0,
    timeline: [
      { at: now, status: "awaiting_payment", note: "Tickets held for you while you pay." },
    ],
  });
  // The listing first: of racing buyers exactly one inserts (the unique liveTicketId). Its
  // event is written with it but not sent until the buyer also has a free hold slot.
  order.outbox.push(orderCreated(order));
  try {
    await order.save();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // The same buyer's other create (two tabs at once) may be the one that got in.
    const mine = await ownLiveOrder(ctx.user.id, ticket._id);
    if (mine) return toOrder(mine);
    throw new DomainError(orderErrors.TICKET_JUST_RESERVED);
  }
  let slot: string;
  try {
    slot = await takeHoldSlot(ctx.user.id, order.id, env.ORDER_MAX_LIVE_HOLDS);
  } catch (err) {
    await withdrawOrder(order.toObject());
    throw err;
  }
  // Records the slot and relays order.created (a crash before this leaves the event to the
  // outbox sweep: the order goes out, only its slot is unrecorded).
  await outbox.update(OrderModel, { _id: order._id }, { $set: { holdSlot: slot } }, []);
  ctx.log.info({ orderId: order.id, ticketId: ticket._id, slot }, "order created");
  return toOrder(order.toObject());
}

/** The buyer's own order holding this listing now, if they have one. */
function ownLiveOrder(userId: string, ticketId: string) {
  return OrderModel.findOne({ liveTicketId: ticketId, userId, status: "awaiting_payment" }).lean();
}
