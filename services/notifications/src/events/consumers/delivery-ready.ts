import type { Envelope } from "@tx/api-contracts";
import type { Logger } from "@tx/service-kit";
import { eventFacts } from "../../emails/event-rows";
import { ticketsReadyEmail } from "../../emails/tickets-ready";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, orderUrl } from "../replicas";

/** The buyer's e-tickets can be downloaded: tell them where, once. */
export async function onDeliveryReady(
  mailer: Mailer,
  event: Envelope<"delivery.ready">,
  log: Logger,
): Promise<void> {
  const { order, buyer } = await deliveryParties(event.data);
  const render = () =>
    ticketsReadyEmail({
      name: buyer.name,
      ...eventFacts(order),
      files: event.data.files,
      orderId: order._id,
      orderUrl: orderUrl(mailer.webBaseUrl, order._id),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "tickets-ready", to: buyer.email, render },
    log,
  );
}
