import { type Logger, outbox } from "@tx/service-kit";
import { deliveryConfirmed } from "../domain/delivery";
import { type Ticket, TicketModel } from "../models/ticket";

/**
 * The buyer downloaded one file in full. Once every file has been, the delivery is
 * confirmed (by a write conditional on its state, so two last downloads confirm once).
 */
export async function recordDownload(
  ticket: Pick<Ticket, "_id" | "delivery">,
  fileId: string,
  log: Logger,
): Promise<void> {
  const after = await TicketModel.findOneAndUpdate(
    { _id: ticket._id, "delivery.buyerId": ticket.delivery?.buyerId },
    { $addToSet: { "delivery.downloaded": fileId } },
    // No projection: FerretDB 1.24's findAndModify does not implement `fields`.
    { returnDocument: "after" },
  ).lean();
  const delivery = after?.delivery;
  if (!after || delivery?.state !== "ready") return;
  const downloaded = new Set(delivery.downloaded ?? []);
  if (!delivery.files.every((f) => downloaded.has(f._id.toString()))) return;
  const now = new Date();
  const confirmed = await outbox.update(
    TicketModel,
    { _id: ticket._id, "delivery.state": "ready" },
    {
      $set: {
        "delivery.state": "confirmed",
        "delivery.confirmedAt": now,
        "delivery.confirmedHow": "downloaded",
      },
    },
    [deliveryConfirmed(after, "downloaded", now)],
  );
  if (confirmed)
    log.info({ ticketId: ticket._id.toString() }, "delivery confirmed: every file downloaded");
}
