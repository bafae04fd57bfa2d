import type { Envelope } from "@tx/api-contracts";
import type { Logger } from "@tx/service-kit";
import { eventFacts } from "../../emails/event-rows";
import { transferRequestedEmail } from "../../emails/transfer-requested";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, myListingsUrl } from "../replicas";

/** The seller must transfer the sold tickets: to whom and by when, once. */
export async function onTransferRequested(
  mailer: Mailer,
  event: Envelope<"delivery.transfer_requested">,
  log: Logger,
): Promise<void> {
  const { order, buyer, seller } = await deliveryParties(event.data);
  const render = () =>
    transferRequestedEmail({
      name: seller.name,
      ...eventFacts(order),
      buyerEmail: buyer.email,
      deadline: new Date(event.data.deadline),
      myListingsUrl: myListingsUrl(mailer.webBaseUrl),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "transfer-requested", to: seller.email, render },
    log,
  );
}
