import { migrateService, runMain } from "@tx/service-kit";
import { venueTimeZones } from "./migrations/venue-time-zones";

/** `pnpm --filter @tx/notifications migrate`: the start command runs it before the services start. */
runMain(async () => {
  await migrateService({ name: "notifications", migrations: [venueTimeZones] });
});
