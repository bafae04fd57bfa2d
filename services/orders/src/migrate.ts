import { migrateService, runMain } from "@tx/service-kit";
import { venueTimeZones } from "./migrations/venue-time-zones";
import { OrderModel } from "./models/order";

/** `pnpm --filter @tx/orders migrate`: the start command runs it before the services start. */
runMain(async () => {
  await migrateService({
    name: "orders",
    migrations: [venueTimeZones],
    outboxModels: [OrderModel],
  });
});
