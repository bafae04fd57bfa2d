import { DomainError } from "@tx/service-kit";
import { ticketErrors } from "../domain/errors";
import { OrderReplicaModel } from "../models/order-replica";
import { type Ticket, TicketModel } from "../models/ticket";
import { UserReplicaModel } from "../models/user-replica";

const notFound = () => new DomainError("NOT_FOUND", "This order does not exist.");

/**
 * The listing an order bought, for one of the sale's two parties: the order's buyer or the
 * listing's seller. To anyone else the order does not exist.
 */
export async function saleOfOrder(
  orderId: string,
  userId: string,
  as: "buyer" | "seller" | "either",
): Promise<{ ticket: Ticket | null; role: "buyer" | "seller" }> {
  const order = await OrderReplicaModel.findById(orderId).lean();
  if (!order) throw notFound();
  const ticket = await TicketModel.findById(order.ticketId, {
    outbox: 0,
    searchTerms: 0,
  }).lean<Ticket>();
  const role = order.buyerId === userId ? "buyer" : ticket?.sellerId === userId ? "seller" : null;
  if (!role || (as !== "either" && as !== role)) throw notFound();
  // The listing may have gone back on sale and to another order since: not this order's.
  return { ticket: ticket && ticket.orderId === orderId ? ticket : null, role };
}

/** A listing of the seller's that is not deleted; anyone else's does not exist to them. */
export async function sellersListing(ticketId: string, sellerId: string): Promise<Ticket> {
  const ticket = await TicketModel.findOne(
    { _id: ticketId, deletedAt: null },
    { outbox: 0, searchTerms: 0 },
  ).lean<Ticket>();
  if (!ticket || ticket.sellerId !== sellerId) {
    throw new DomainError("NOT_FOUND", "This listing does not exist.");
  }
  return ticket;
}

/** The buyer's address, once the account has reached tickets' replica. */
export async function buyerEmailOf(ticket: Pick<Ticket, "delivery">): Promise<string | undefined> {
  const id = ticket.delivery?.buyerId;
  if (!id) return undefined;
  return (await UserReplicaModel.findById(id, { email: 1 }).lean())?.email;
}

/** The listing an order bought, for its buyer only, once the sale has reached tickets. */
export async function buyersSale(orderId: string, buyerId: string): Promise<Ticket> {
  const { ticket } = await saleOfOrder(orderId, buyerId, "buyer");
  if (!ticket?.delivery?.state) {
    throw new DomainError(ticketErrors.DELIVERY_NOT_POSSIBLE, "These tickets are not sold yet.");
  }
  return ticket;
}
