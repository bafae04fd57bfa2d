import { z } from "zod";

/** Whole minor units, as purchaseListing writes them: digits only, at most Money's maximum. */
const ShownTotal = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().max(100_000_000));

/** The checkout's `shown` parameter: the total (minor units) the listing page showed, if any. */
export function shownTotalParam(raw: string | string[] | undefined): number | null {
  const parsed = ShownTotal.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : null;
}
