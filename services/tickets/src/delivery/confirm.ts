import type { DeliveryConfirmedHow } from "@tx/api-contracts";
import { outbox } from "@tx/service-kit";
import { deliveryConfirmed, type WithSale } from "../domain/delivery";
import { type Ticket, TicketModel } from "../models/ticket";

type Open = "ready" | "transferred";

/**
 * The delivery is done (every file downloaded, the buyer said so, or nobody disputed it by
 * after the event): one write conditional on the state `from`, with its event, so two
 * confirmations that race confirm once. The listing after the write, or null if it lost.
 */
export function markConfirmed(
  t: WithSale,
  from: Open,
  how: DeliveryConfirmedHow,
  at = new Date(),
): Promise<Ticket | null> {
  return outbox.update(
    TicketModel,
    { _id: t._id, "delivery.state": from },
    {
      $set: {
        "delivery.state": "confirmed",
        "delivery.confirmedAt": at,
        "delivery.confirmedHow": how,
      },
    },
    [deliveryConfirmed(t, how, at)],
  );
}
