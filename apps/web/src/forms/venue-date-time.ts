import { instantOf, localDateTimeOf } from "@tx/api-contracts";
import { z } from "zod";

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * A datetime-local input's value, as the venue's clocks read it ("2026-12-08T19:00"): what
 * is printed on the ticket. It becomes an instant only with the venue's zone (venueInstant).
 */
export const VenueDateTimeInput = z.string().trim().regex(LOCAL_INPUT, "Enter the date and time.");

/** The instant the venue's clocks read `local` at, as the contract's ISO string. */
export function venueInstant(local: string, timeZone: string): string {
  return instantOf(local, timeZone).toISOString();
}

/** An ISO instant as a datetime-local value at the venue: "2026-12-08T19:00". */
export function venueInputValue(iso: string, timeZone: string): string {
  return localDateTimeOf(iso, timeZone);
}
