import { zoneOfCity } from "@tx/api-contracts";
import { fillMissingField, type Migration } from "@tx/service-kit";
import { OrderModel } from "../models/order";

/**
 * Issue 23: orders placed before venue time zones get their venue's zone by the rule the
 * tickets service used for their listings (the city's zone where we know it, else UTC, as
 * they were shown until now). Ticket replicas learn theirs from the tickets service's
 * ticket.updated.
 */
export const venueTimeZones: Migration = {
  id: "2026-12-venue-time-zones",
  run: () =>
    fillMissingField<{ _id: unknown; city: string }>(
      OrderModel,
      "timeZone",
      ["city"],
      (o) => zoneOfCity(o.city) ?? "UTC",
    ),
};
