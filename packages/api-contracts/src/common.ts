import { z } from "zod";

/** A MongoDB ObjectId as 24 hex characters: every entity id crosses the wire in this form. */
export const ObjectIdString = z.string().regex(/^[a-f0-9]{24}$/, "must be a 24-character hex id");
export type ObjectIdString = z.infer<typeof ObjectIdString>;

export const Currency = z.enum(["USD", "EUR", "GBP"]);
export type Currency = z.infer<typeof Currency>;

/** Integer minor units (cents) with a currency code. */
export const Money = z.object({
  amount: z.number().int().nonnegative().max(100_000_000),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** Dates cross the wire as ISO-8601 strings with an offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

export const ServiceName = z.enum([
  "auth",
  "tickets",
  "orders",
  "payments",
  "expiration",
  "notifications",
]);
export type ServiceName = z.infer<typeof ServiceName>;
export const serviceNames = ServiceName.options;

export const DependencyHealth = z.object({
  name: z.string(),
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  error: z.string().optional(),
});
export type DependencyHealth = z.infer<typeof DependencyHealth>;

/** What every service's `system.health` procedure returns. */
export const ServiceHealth = z.object({
  service: ServiceName,
  ok: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  checkedAt: IsoDateTime,
  dependencies: z.array(DependencyHealth),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;
