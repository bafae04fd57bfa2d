import { RetryLater } from "@tx/service-kit";
import { OrderModel } from "../models/order";

/** The order an event names. It is our own: its event cannot precede our write, so missing means retry. */
export async function orderForEvent(orderId: string) {
  const order = await OrderModel.findById(orderId).lean();
  if (!order) throw new RetryLater(`order ${orderId} not found`);
  return order;
}
