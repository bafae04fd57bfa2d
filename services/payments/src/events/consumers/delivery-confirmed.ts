import type { ConsumerOptions } from "@tx/service-kit";
import { releaseSale } from "../../domain/ledger";

/** Downloaded, confirmed by the buyer, or not disputed by after the event: the money can go. */
export const deliveryConfirmedConsumer: ConsumerOptions<"delivery.confirmed"> = {
  subject: "delivery.confirmed",
  handle: (event, log) => releaseSale(event.data.orderId, new Date(event.data.at), log),
};
