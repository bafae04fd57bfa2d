import type { Envelope } from "@tx/api-contracts";
import type { ConsumerOptions, Logger } from "@tx/service-kit";
import { eventFacts } from "../../emails/event-rows";
import { transferRequestedEmail } from "../../emails/transfer-requested";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, myListingsUrl } from "../replicas";
import { MAIL_MAX_ATTEMPTS, REPLICA_MAX_WAITS } from "../retry-budget";

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

export const transferRequestedConsumer = (
  mailer: Mailer,
): ConsumerOptions<"delivery.transfer_requested"> => ({
  subject: "delivery.transfer_requested",
  handle: (event, log) => onTransferRequested(mailer, event, log),
  maxAttempts: MAIL_MAX_ATTEMPTS,
  maxRetryLater: REPLICA_MAX_WAITS,
});
