import { z } from "zod";

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * A datetime-local input's value, read as UTC: the site shows and takes event times in UTC
 * (labelled so), so what a seller types is what every buyer reads, in any time zone.
 */
export const UtcDateTimeInput = z
  .string()
  .trim()
  .regex(LOCAL_INPUT, "Enter the date and time.")
  .transform((value) => `${value.length === 16 ? `${value}:00` : value}.000Z`);

/** An ISO instant as a datetime-local value in UTC: "2026-03-14T19:30". */
export function utcInputValue(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16);
}
