import type { ConsumerOptions } from "@tx/service-kit";
import { reverseSale } from "../../domain/ledger";

/** Our own refund, read back from the stream: the seller's credit for the sale is taken back. */
export const paymentRefundedConsumer: ConsumerOptions<"payment.refunded"> = {
  subject: "payment.refunded",
  handle: (event, log) => reverseSale(event.data.orderId, new Date(event.occurredAt), log),
};
