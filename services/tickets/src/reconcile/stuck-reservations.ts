import type { Reconciler } from "@tx/service-kit";
import type { DeliverySettings } from "../domain/delivery";
import { endHold, saleOf } from "../domain/listing-hold";
import { OrderReplicaModel } from "../models/order-replica";
import { TicketModel } from "../models/ticket";

const PAGE = 500;

/**
 * Releases a listing that is reserved though no live order holds it, and sells one whose
 * order completed, when the event that should have done it did not (lost, or an
 * inconsistency written by hand). What this service knows of each order is its replica:
 * - no replica at all, and the reservation older than the grace period: no order;
 * - the replica says cancelled or refunded: the release was missed;
 * - the replica says complete: the sale was missed;
 * - the replica is still awaiting payment long after its hold (twice the grace period:
 *   orders cancels such a hold itself after one), so its outcome was lost.
 * Each fix is conditional on the listing's version; a sale starts its delivery as the
 * event would have; a completion that arrives after a release still sells the listing to
 * its order (order-finished.ts).
 */
export function stuckReservations(graceSeconds: number, settings: DeliverySettings): Reconciler {
  return {
    name: "stuck-reservations",
    run: async ({ log, fixed }) => {
      const now = Date.now();
      const graceMs = graceSeconds * 1000;
      const reserved = await TicketModel.find({ status: "reserved" }).limit(PAGE).lean();
      for (const ticket of reserved) {
        const orderId = ticket.orderId;
        if (!orderId) {
          if (await endHold(ticket, "", "available")) fixed("reservation_without_order");
          continue;
        }
        const order = await OrderReplicaModel.findById(orderId).lean();
        let fix: { kind: string; to: "available" | "sold" } | null = null;
        if (!order) {
          if (ticket.updatedAt.getTime() + graceMs < now) {
            fix = { kind: "reservation_without_order", to: "available" };
          }
        } else if (order.status === "cancelled" || order.status === "refunded") {
          fix = { kind: "reservation_of_ended_order", to: "available" };
        } else if (order.status === "complete") {
          fix = { kind: "sale_not_applied", to: "sold" };
        } else if (order.expiresAt && order.expiresAt.getTime() + 2 * graceMs < now) {
          fix = { kind: "reservation_past_hold", to: "available" };
        }
        const sale = fix?.to === "sold" && order ? saleOf(ticket, order, settings) : null;
        if (fix && (await endHold(ticket, orderId, fix.to, sale))) {
          fixed(fix.kind);
          log.info({ ticketId: ticket._id.toString(), orderId, to: fix.to }, "listing repaired");
        }
      }
    },
  };
}
