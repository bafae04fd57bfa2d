import { migrateService, runMain } from "@tx/service-kit";
import { venueTimeZones } from "./migrations/venue-time-zones";
import { TicketModel } from "./models/ticket";

/** `pnpm --filter @tx/tickets migrate`: the start command runs it before the services start. */
const migrations = [venueTimeZones];

runMain(async () => {
  await migrateService({ name: "tickets", migrations, outboxModels: [TicketModel] });
});
