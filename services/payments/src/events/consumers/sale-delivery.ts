import type { ConsumerOptions } from "@tx/service-kit";
import { creditSale } from "../../domain/ledger";

/**
 * A listing's first delivery fact is published by the same write that marks it sold after
 * its order completed (files ready, or a transfer requested): the moment the sale happened,
 * with its seller. Either one credits the seller, once.
 */
export const deliveryReadyConsumer: ConsumerOptions<"delivery.ready"> = {
  subject: "delivery.ready",
  handle: (event, log) => creditSale(event.data, log),
};

export const deliveryTransferRequestedConsumer: ConsumerOptions<"delivery.transfer_requested"> = {
  subject: "delivery.transfer_requested",
  handle: (event, log) => creditSale(event.data, log),
};
