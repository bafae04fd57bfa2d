import { env } from "../env";
import type { OrderReplica } from "../models/order-replica";

/**
 * Whether the order's hold is over for good: it ended more than the grace period ago.
 * Within the grace period the order's own service still decides (it may have completed
 * the order on a payment that came just in time); after it, orders cancels the hold itself.
 */
export function holdEnded(order: Pick<OrderReplica, "expiresAt">, now = Date.now()): boolean {
  return order.expiresAt.getTime() + env.RECONCILE_GRACE_SECONDS * 1000 < now;
}
