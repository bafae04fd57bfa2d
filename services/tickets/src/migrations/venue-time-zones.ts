import { localDateOf, zoneOfCity } from "@tx/api-contracts";
import { type Logger, type Migration, outbox } from "@tx/service-kit";
import type mongoose from "mongoose";
import { ticketUpdated } from "../domain/events";
import { TicketModel } from "../models/ticket";

const BATCH = 200;

/**
 * Issue 23: listings made before venue time zones get one, from their city where we know it
 * (else UTC, which is how they were shown until now), and their venue-local date. A live
 * listing's change is an ordinary update (version + 1, ticket.updated with the zone, through
 * the outbox), so the other services' replicas learn it; a deleted one is only filled in.
 */
export async function giveListingsTheirZone(log: Logger): Promise<number> {
  let changed = 0;
  let after: mongoose.Types.ObjectId | undefined;
  for (;;) {
    const batch = await TicketModel.find({
      timeZone: { $exists: false },
      ...(after ? { _id: { $gt: after } } : {}),
    })
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean();
    if (batch.length === 0) return changed;
    after = batch.at(-1)?._id;
    for (const ticket of batch) {
      const timeZone = zoneOfCity(ticket.city) ?? "UTC";
      const localDate = localDateOf(ticket.eventDate, timeZone);
      const unzoned = { _id: ticket._id, version: ticket.version, timeZone: { $exists: false } };
      if (ticket.deletedAt) {
        const r = await TicketModel.updateOne(unzoned, { $set: { timeZone, localDate } });
        changed += r.modifiedCount;
        continue;
      }
      const next = { ...ticket, timeZone, localDate, version: ticket.version + 1 };
      // Conditional on the version read: a listing that changed meanwhile is taken next time.
      const updated = await outbox.update(
        TicketModel,
        unzoned,
        { $set: { timeZone, localDate }, $inc: { version: 1 } },
        [ticketUpdated(next, next.version)],
      );
      if (updated) changed += 1;
      else log.info({ ticketId: ticket._id.toString() }, "listing changed meanwhile; retried");
    }
  }
}

export const venueTimeZones: Migration = {
  id: "2026-12-venue-time-zones",
  run: async (log) => {
    let total = 0;
    // A listing that changed under us is still unzoned: a second pass takes it.
    for (let pass = 0; pass < 5; pass++) {
      const changed = await giveListingsTheirZone(log);
      total += changed;
      if ((await TicketModel.countDocuments({ timeZone: { $exists: false } })) === 0) break;
    }
    return total;
  },
};
