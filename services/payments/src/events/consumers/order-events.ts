import type { Envelope } from "@tx/api-contracts";
import { applyInOrder, type ConsumerOptions, insertOnce, type Logger } from "@tx/service-kit";
import { cancelIntentOfEndedOrder } from "../../domain/cancel-intent";
import { refundPayment, refundReason } from "../../domain/refunds";
import { OrderReplicaModel } from "../../models/order-replica";

export const orderCreatedConsumer: ConsumerOptions<"order.created"> = {
  subject: "order.created",
  handle: async (event) => {
    const o = event.data;
    // A repeat finds it already there.
    await insertOnce(() =>
      OrderReplicaModel.create({
        _id: o.id,
        userId: o.userId,
        ticketId: o.ticket.id,
        title: o.ticket.title,
        amount: o.ticket.price.amount,
        buyerFee: o.ticket.buyerFee?.amount ?? 0,
        currency: o.ticket.price.currency,
        status: o.status,
        expiresAt: new Date(o.expiresAt),
        eventDate: new Date(o.ticket.eventDate),
        version: o.version,
      }),
    );
  },
};

/**
 * An order ended without payment. If money arrived for it anyway (the buyer paid as the
 * hold ran out), refund it: nobody is charged for tickets they did not get.
 */
async function onOrderCancelled(event: Envelope<"order.cancelled">, log: Logger) {
  const o = event.data;
  await applyInOrder(OrderReplicaModel, o.id, o.version, {
    status: "cancelled",
    cancelReason: o.reason,
  });
  // Also on a repeat: a crash may have come between the replica update and what follows.
  // The intent is canceled first, so a card confirmed from now on is never charged.
  await cancelIntentOfEndedOrder(o.id, log);
  await refundPayment(o.id, refundReason({ cancelReason: o.reason }), log);
}

/**
 * Our own payment.succeeded, read back once the stream has it. Settling checks the order
 * first, but the order can be cancelled between that check and the write; the
 * order.cancelled consumer then finds no succeeded payment to refund, and the process may
 * also die right after the write. Reading our event back closes both gaps: if the order
 * has ended by now, the money goes back (refundPayment is safe to repeat).
 */
async function onPaymentSucceeded(event: Envelope<"payment.succeeded">, log: Logger) {
  const order = await OrderReplicaModel.findById(event.data.orderId).lean();
  if (!order || (order.status !== "cancelled" && !order.reservationRejected)) return;
  await refundPayment(event.data.orderId, refundReason(order), log);
}

export const paymentSucceededConsumer: ConsumerOptions<"payment.succeeded"> = {
  subject: "payment.succeeded",
  handle: onPaymentSucceeded,
};

export const orderCancelledConsumer: ConsumerOptions<"order.cancelled"> = {
  subject: "order.cancelled",
  handle: onOrderCancelled,
};

export const orderCompletedConsumer: ConsumerOptions<"order.completed"> = {
  subject: "order.completed",
  handle: async (event) => {
    await applyInOrder(OrderReplicaModel, event.data.id, event.data.version, {
      status: "complete",
    });
  },
};
