import type { Delivery, ReportTransferInput } from "@tx/api-contracts";
import { type AuthedContext, DomainError, outbox, pendingEvent } from "@tx/service-kit";
import { buyerEmailOf, sellersListing } from "../../delivery/sale";
import { assertDeliveryState, deliveryParties, toDelivery } from "../../domain/delivery";
import { ticketErrors } from "../../domain/errors";
import { TicketModel } from "../../models/ticket";

/** The seller transferred the tickets in the venue's app, before the deadline: they say so. */
export async function reportTransfer(
  ctx: AuthedContext,
  input: ReportTransferInput,
): Promise<Delivery> {
  const ticket = await sellersListing(input.ticketId, ctx.user.id);
  assertDeliveryState(ticket, ["transfer_requested"]);
  const now = new Date();
  // Conditional on the deadline too: the sweep fails a late transfer, and only one of the two wins.
  const updated = await outbox.update(
    TicketModel,
    {
      _id: ticket._id,
      "delivery.state": "transfer_requested",
      "delivery.deadline": { $gt: now },
    },
    {
      $set: {
        "delivery.state": "transferred",
        "delivery.reference": input.reference,
        "delivery.transferredAt": now,
      },
    },
    [
      pendingEvent("delivery.transferred", {
        ...deliveryParties(ticket, now),
        reference: input.reference,
      }),
    ],
  );
  if (!updated) {
    const current = await sellersListing(input.ticketId, ctx.user.id);
    assertDeliveryState(current, ["transfer_requested"]);
    throw new DomainError(
      ticketErrors.DELIVERY_NOT_POSSIBLE,
      "The transfer deadline has passed: the buyer is being refunded.",
    );
  }
  ctx.log.info({ ticketId: input.ticketId, orderId: ticket.orderId }, "transfer reported");
  const view = toDelivery(updated, await buyerEmailOf(updated));
  if (!view) throw new Error("a reported transfer has no delivery");
  return view;
}
