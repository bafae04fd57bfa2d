import type { Envelope } from "@tx/api-contracts";
import type { Logger } from "@tx/service-kit";
import { deliveryDisputedEmail } from "../../emails/delivery-disputed";
import { eventFacts } from "../../emails/event-rows";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, myListingsUrl } from "../replicas";

/** The buyer reported a problem with the tickets: the seller hears what they said, once. */
export async function onDeliveryDisputed(
  mailer: Mailer,
  event: Envelope<"delivery.disputed">,
  log: Logger,
): Promise<void> {
  const { order, seller } = await deliveryParties(event.data);
  const render = () =>
    deliveryDisputedEmail({
      name: seller.name,
      ...eventFacts(order),
      problem: event.data.problem,
      myListingsUrl: myListingsUrl(mailer.webBaseUrl),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "delivery-disputed", to: seller.email, render },
    log,
  );
}
