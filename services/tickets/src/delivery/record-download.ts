import type { Logger } from "@tx/service-kit";
import { type Ticket, TicketModel } from "../models/ticket";
import { markConfirmed } from "./confirm";

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
  if (await markConfirmed(after, "ready", "downloaded"))
    log.info({ ticketId: ticket._id.toString() }, "delivery confirmed: every file downloaded");
}
