import { RetryLater } from "@tx/service-kit";
import { type OrderReplica, OrderReplicaModel } from "../models/order";
import { type UserReplica, UserReplicaModel } from "../models/user";

/**
 * The order and its buyer, as an order email needs them. Events on different subjects
 * arrive in any order: a missing replica means "not yet", so the message is retried.
 */
export async function orderWithBuyer(
  orderId: string,
): Promise<{ order: OrderReplica; buyer: UserReplica }> {
  const order = await OrderReplicaModel.findById(orderId).lean();
  if (!order) throw new RetryLater(`order ${orderId} not replicated yet`);
  const buyer = await UserReplicaModel.findById(order.userId).lean();
  if (!buyer) throw new RetryLater(`buyer ${order.userId} of order ${orderId} not replicated yet`);
  return { order, buyer };
}

export const orderUrl = (webBaseUrl: string, orderId: string) =>
  `${webBaseUrl}/orders/${encodeURIComponent(orderId)}`;

/**
 * What a delivery email needs: the order, its buyer and its seller (each from its own
 * event, in any order: a missing one is waited for).
 */
export async function deliveryParties(facts: {
  orderId: string;
  buyerId: string;
  sellerId: string;
}): Promise<{ order: OrderReplica; buyer: UserReplica; seller: UserReplica }> {
  const { order, buyer } = await orderWithBuyer(facts.orderId);
  return { order, buyer, seller: await sellerOf(facts.sellerId) };
}

/** A seller's account, as the emails about their sales and payouts need it. */
export async function sellerOf(sellerId: string): Promise<UserReplica> {
  const seller = await UserReplicaModel.findById(sellerId).lean();
  if (!seller) throw new RetryLater(`seller ${sellerId} not replicated yet`);
  return seller;
}

export const earningsUrl = (webBaseUrl: string) => `${webBaseUrl}/earnings`;

export const myListingsUrl = (webBaseUrl: string) => `${webBaseUrl}/my-listings`;
