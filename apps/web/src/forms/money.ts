import { z } from "zod";

const AMOUNT = /^\d{1,9}(?:\.\d{1,2})?$/;

/**
 * An amount typed in the currency's major units ("45", "45.5", "45.50") as integer minor
 * units (4500, 4550). Exact: the digits are read as text, never through a float.
 */
export const MajorUnitsInput = z
  .string()
  .trim()
  .regex(AMOUNT, "Enter an amount like 45 or 45.50.")
  .transform((value) => {
    const [whole = "0", fraction = ""] = value.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

/** Minor units as a form shows them: 4550 -> "45.50". */
export function majorUnits(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
