import { zoneOfCity } from "@tx/api-contracts";
import { fillMissingField, type Migration } from "@tx/service-kit";
import { OrderReplicaModel } from "../models/order";

/**
 * Issue 23: order replicas made before venue time zones get their venue's zone by the rule
 * the tickets service used (the city's zone where we know it, else UTC), so an email sent
 * for them later shows the time on the ticket.
 */
export const venueTimeZones: Migration = {
  id: "2026-12-venue-time-zones",
  run: () =>
    fillMissingField<{ _id: unknown; city: string }>(
      OrderReplicaModel,
      "timeZone",
      ["city"],
      (o) => zoneOfCity(o.city) ?? "UTC",
    ),
};
