import type { Reconciler } from "@tx/service-kit";
import { cancelOrder } from "../domain/transitions";
import { OrderModel } from "../models/order";

const PAGE = 500;

/**
 * Cancels every hold whose expiresAt passed more than the grace period ago, even if no
 * expiration.completed came (the expiration service down, its job lost with Redis). The
 * cancellation is conditional on the status and version, like every other, so a replica
 * racing this one, or a payment landing now, wins or loses cleanly: never both.
 */
export function overdueHolds(graceSeconds: number): Reconciler {
  return {
    name: "overdue-holds",
    run: async ({ log, fixed }) => {
      const cutoff = new Date(Date.now() - graceSeconds * 1000);
      const overdue = await OrderModel.find({
        status: "awaiting_payment",
        expiresAt: { $lt: cutoff },
      })
        .limit(PAGE)
        .lean();
      for (const order of overdue) {
        if (await cancelOrder(order, "expired")) {
          fixed("overdue_hold_cancelled");
          log.info({ orderId: order._id.toString() }, "overdue hold cancelled");
        }
      }
    },
  };
}
