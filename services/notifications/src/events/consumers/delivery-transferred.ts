import type { Envelope } from "@tx/api-contracts";
import type { Logger } from "@tx/service-kit";
import { eventFacts } from "../../emails/event-rows";
import { ticketsTransferredEmail } from "../../emails/tickets-transferred";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, orderUrl } from "../replicas";

/** The seller reported the transfer: the buyer looks in the venue's app and confirms, once. */
export async function onTransferred(
  mailer: Mailer,
  event: Envelope<"delivery.transferred">,
  log: Logger,
): Promise<void> {
  const { order, buyer } = await deliveryParties(event.data);
  const render = () =>
    ticketsTransferredEmail({
      name: buyer.name,
      ...eventFacts(order),
      reference: event.data.reference,
      orderId: order._id,
      orderUrl: orderUrl(mailer.webBaseUrl, order._id),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "tickets-transferred", to: buyer.email, render },
    log,
  );
}
