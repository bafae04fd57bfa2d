import type { Envelope } from "@tx/api-contracts";
import type { Logger } from "@tx/service-kit";
import { eventFacts } from "../../emails/event-rows";
import { saleFailedEmail } from "../../emails/sale-failed";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { deliveryParties, myListingsUrl } from "../replicas";

/**
 * The transfer deadline passed: the seller hears the sale is off. The buyer hears once the
 * money is back (payment.refunded, reason delivery_failed: payment-refunded.ts).
 */
export async function onDeliveryFailed(
  mailer: Mailer,
  event: Envelope<"delivery.failed">,
  log: Logger,
): Promise<void> {
  const { order, seller } = await deliveryParties(event.data);
  const render = () =>
    saleFailedEmail({
      name: seller.name,
      ...eventFacts(order),
      deadline: new Date(event.data.deadline),
      myListingsUrl: myListingsUrl(mailer.webBaseUrl),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "sale-failed", to: seller.email, render },
    log,
  );
}
