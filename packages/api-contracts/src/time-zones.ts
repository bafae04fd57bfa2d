import { z } from "zod";

/**
 * Venue time zones (issue 23): an event happens at its venue's local time, so a listing
 * carries the IANA zone of its venue, and its local date is what the date filters mean.
 */

/** The zones this platform knows (its Intl data), plus UTC for listings made before zones. */
const known = new Set<string>([...Intl.supportedValuesOf("timeZone"), "UTC"]);

/** The platform's zone list, sorted, for a picker. */
export function timeZoneNames(): string[] {
  return [...known].sort();
}

/** The platform's own name for a zone or one of its aliases ("Asia/Kolkata" on older data), or null. */
export function canonicalTimeZone(name: string): string | null {
  if (known.has(name)) return name;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions()
      .timeZone;
    return known.has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** An IANA zone from the platform's list (an alias is accepted and stored by its listed name). */
export const TimeZone = z
  .string({ error: "Choose the venue's time zone." })
  .trim()
  .min(1, "Choose the venue's time zone.")
  .max(64)
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: "Choose a time zone from the list." });
    return z.NEVER;
  });
export type TimeZone = z.infer<typeof TimeZone>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, "2026-12-08": a venue-local date in filters and saved searches. */
export const LocalDate = z
  .string()
  .regex(DAY, "Use a date like 2026-12-08.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, "Use a real date.");
export type LocalDate = z.infer<typeof LocalDate>;

/**
 * A small, honest default: the venues' cities we know (the demo's and some more), lower-case.
 * A city missing here, or one whose name several places share, gets the browser's zone
 * on the sell form, and the seller picks another when it is wrong.
 */
const cityZones: Record<string, string> = {
  amsterdam: "Europe/Amsterdam",
  atlanta: "America/New_York",
  austin: "America/Chicago",
  barcelona: "Europe/Madrid",
  berkeley: "America/Los_Angeles",
  berlin: "Europe/Berlin",
  boston: "America/New_York",
  brooklyn: "America/New_York",
  brussels: "Europe/Brussels",
  chicago: "America/Chicago",
  copenhagen: "Europe/Copenhagen",
  dallas: "America/Chicago",
  denver: "America/Denver",
  dublin: "Europe/Dublin",
  edinburgh: "Europe/London",
  glasgow: "Europe/London",
  hamburg: "Europe/Berlin",
  honolulu: "Pacific/Honolulu",
  houston: "America/Chicago",
  "las vegas": "America/Los_Angeles",
  lisbon: "Europe/Lisbon",
  london: "Europe/London",
  "los angeles": "America/Los_Angeles",
  lyon: "Europe/Paris",
  madrid: "Europe/Madrid",
  manchester: "Europe/London",
  melbourne: "Australia/Melbourne",
  "mexico city": "America/Mexico_City",
  miami: "America/New_York",
  milan: "Europe/Rome",
  montreal: "America/Toronto",
  morrison: "America/Denver",
  munich: "Europe/Berlin",
  nashville: "America/Chicago",
  "new orleans": "America/Chicago",
  "new york": "America/New_York",
  oakland: "America/Los_Angeles",
  oslo: "Europe/Oslo",
  paris: "Europe/Paris",
  philadelphia: "America/New_York",
  phoenix: "America/Phoenix",
  prague: "Europe/Prague",
  rome: "Europe/Rome",
  "san diego": "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  stockholm: "Europe/Stockholm",
  sydney: "Australia/Sydney",
  tokyo: "Asia/Tokyo",
  toronto: "America/Toronto",
  vancouver: "America/Vancouver",
  vienna: "Europe/Vienna",
  washington: "America/New_York",
  "washington dc": "America/New_York",
  zurich: "Europe/Zurich",
};

/** The zone of a city we know ("New York" -> "America/New_York"), or undefined. */
export function zoneOfCity(city: string): string | undefined {
  const key = city
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[.,]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const zone = cityZones[key];
  return zone ? (canonicalTimeZone(zone) ?? undefined) : undefined;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a zone, as numbers. */
function wallClock(instant: Date, timeZone: string) {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The venue-local calendar day of an instant: "2026-12-08" for 23:30 in New York on Dec 8. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const w = wallClock(new Date(instant), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** An instant as a datetime-local input shows it at the venue: "2026-12-08T19:00". */
export function localDateTimeOf(instant: Date | string, timeZone: string): string {
  const w = wallClock(new Date(instant), timeZone);
  return `${localDateOf(instant, timeZone)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/**
 * The instant at which a venue's clocks read `local` ("2026-12-08T19:00"). A time that
 * happens twice (a clock going back) is the earlier; a time a clock change skips (2:30 on
 * a spring-forward night) is read with the offset before it, so 2:30 becomes 3:30.
 */
export function instantOf(local: string, timeZone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`not a local date and time: ${local}`);
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  // Clock changes are weeks apart: the offsets a day either side are the only candidates.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const readings = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => offsetAt(t, timeZone) === wall - t)
    .sort((a, b) => a - b);
  return new Date(readings[0] ?? wall - before);
}
