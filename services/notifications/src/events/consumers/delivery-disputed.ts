import type { Envelope } from "@tx/api-contracts";
import type { ConsumerOptions, Logger } from "@tx/service-kit";
import { deliveryDisputedEmail } from "../../emails/delivery-disputed";
import { eventFacts } from "../../emails/event-rows";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, myListingsUrl } from "../replicas";
import { MAIL_MAX_ATTEMPTS, REPLICA_MAX_WAITS } from "../retry-budget";

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

export const deliveryDisputedConsumer = (mailer: Mailer): ConsumerOptions<"delivery.disputed"> => ({
  subject: "delivery.disputed",
  handle: (event, log) => onDeliveryDisputed(mailer, event, log),
  maxAttempts: MAIL_MAX_ATTEMPTS,
  maxRetryLater: REPLICA_MAX_WAITS,
});
